/// When the consent pull runs and how much of the day's call budget it may use, as the exporter
/// configured it at start; kept with the pull's state so every status surface can say when the
/// next pull is due.
public struct PullSchedule: Sendable, Hashable {
    /// Seconds from the end of one pull to the start of the next; `nil` when the pull is off.
    public var intervalSeconds: Int64?
    /// Upstream calls the pull may make in any 24 hours: its share of the day budget.
    public var callsPerDay: Int
    /// How many filtered listings one pull pages through.
    public var filterCount: Int

    /// Creates a schedule.
    /// - Parameters:
    ///   - intervalSeconds: seconds between pulls; `nil` turns the pull off.
    ///   - callsPerDay: the pull's share of the day budget, at least 1.
    ///   - filterCount: the filtered listings of one pull, at least 1.
    public init(intervalSeconds: Int64?, callsPerDay: Int, filterCount: Int) {
        self.intervalSeconds = intervalSeconds.map { max(0, $0) }
        self.callsPerDay = max(1, callsPerDay)
        self.filterCount = max(1, filterCount)
    }
}
