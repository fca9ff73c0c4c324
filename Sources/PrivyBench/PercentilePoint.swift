/// One step of a latency distribution: `percentile` percent of responses took at most `milliseconds`.
public struct PercentilePoint: Sendable, Equatable {
    /// 0 to 100.
    public var percentile: Double
    public var milliseconds: Double
    /// Responses at or below this latency.
    public var count: Int
}
