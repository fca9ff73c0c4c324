import Histogram
public import PrivyJSON

/// What a run measured: throughput, latency percentiles and their full distribution, answers by
/// status and connection errors, with the settings that produced them.
public struct BenchReport: Sendable {
    /// The run's name in plots.
    public var label: String
    /// The run's settings and target, as written to JSON.
    public var settings: JSONObject
    /// Responses counted in the measured window.
    public var requests: Int
    /// The measured window.
    public var seconds: Double
    /// Responses per second.
    public var throughput: Double
    /// The headline percentiles.
    public var latency: LatencySummary
    /// Responses by HTTP status code.
    public var statuses: [Int: Int]
    /// Connections refused, or lost with a request in flight.
    public var connectionErrors: Int
    /// The latency distribution, by percentile, ascending.
    public var distribution: [PercentilePoint]
    /// What the server used per response, when the run had a ``ServerProbe``.
    public var server: ServerUsage?

    /// Responses that were not 2xx.
    public var non2xx: Int {
        statuses.filter { !(200..<300).contains($0.key) }.values.reduce(0, +)
    }

    init(label: String, settings: JSONObject, tally: Tally, seconds: Double) {
        self.label = label
        self.settings = settings
        self.seconds = seconds
        requests = tally.responses
        throughput = seconds > 0 ? Double(requests) / seconds : 0
        let histogram = tally.latencies
        let milliseconds = { (microseconds: UInt64) in Double(microseconds) / 1_000 }
        latency = LatencySummary(
            p50: milliseconds(histogram.valueAtPercentile(50)),
            p90: milliseconds(histogram.valueAtPercentile(90)),
            p99: milliseconds(histogram.valueAtPercentile(99)),
            p999: milliseconds(histogram.valueAtPercentile(99.9)),
            max: milliseconds(histogram.totalCount > 0 ? histogram.max : 0),
            mean: histogram.totalCount > 0 ? histogram.mean / 1_000 : 0
        )
        statuses = tally.statuses
        connectionErrors = tally.connectionErrors
        distribution = histogram.totalCount == 0 ? [] : histogram.percentiles(ticksPerHalfDistance: 5).map { step in
            PercentilePoint(percentile: step.percentileLevelIteratedTo, milliseconds: milliseconds(step.value), count: Int(step.totalCountToThisValue))
        }
    }
}
