/// The exporter's own ceiling on upstream calls, on top of what the upstream's headers say.
/// Calls are spread evenly over the minute; the day budget is a hard cap over any 24 hours.
public struct SyncBudget: Sendable, Hashable {
    /// Calls a minute (Privy allows 60).
    public var perMinute: Int
    /// Calls a day (Privy allows 10,000).
    public var perDay: Int

    /// Creates a budget.
    /// - Parameters:
    ///   - perMinute: calls a minute, at least 1; default 60.
    ///   - perDay: calls a day, at least 1; default 10,000.
    public init(perMinute: Int = 60, perDay: Int = 10_000) {
        self.perMinute = max(1, perMinute)
        self.perDay = max(1, perDay)
    }
}
