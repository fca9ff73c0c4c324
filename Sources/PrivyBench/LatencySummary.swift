/// The latency figures a report leads with, in milliseconds.
public struct LatencySummary: Sendable, Equatable {
    public var p50: Double
    public var p90: Double
    public var p99: Double
    public var p999: Double
    public var max: Double
    public var mean: Double

    /// Each figure with its name, in order: `p50`, `p90`, `p99`, `p99.9`, `max`.
    public var named: [(name: String, milliseconds: Double)] {
        [("p50", p50), ("p90", p90), ("p99", p99), ("p99.9", p999), ("max", max)]
    }
}
