public import Histogram
import NIOCore

/// What a connection (or, merged, a run) measured: latencies, answers by status, and failed
/// connections. Only requests inside the measured window are in it.
public struct Tally: Sendable {
    /// Latencies in microseconds, 3 significant digits.
    public private(set) var latencies = Histogram<UInt32>(highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: .three)
    /// Responses by HTTP status code.
    public private(set) var statuses: [Int: Int] = [:]
    /// Connections that could not be made or were lost with a request in flight.
    public private(set) var connectionErrors = 0
    /// When the last counted response arrived.
    private(set) var lastResponse = NIODeadline.uptimeNanoseconds(0)

    /// An empty tally.
    public init() {
        latencies.autoResize = true
    }

    /// How many responses were counted.
    public var responses: Int {
        Int(latencies.totalCount)
    }

    /// Counts a response.
    mutating func record(status: Int, latencyNanoseconds: UInt64, at time: NIODeadline) {
        latencies.record(max(1, latencyNanoseconds / 1_000))
        statuses[status, default: 0] += 1
        lastResponse = max(lastResponse, time)
    }

    /// Counts a failed or lost connection.
    mutating func recordConnectionError() {
        connectionErrors += 1
    }

    /// Adds another tally's counts to this one.
    mutating func merge(_ other: Tally) {
        latencies.add(other.latencies)
        statuses.merge(other.statuses, uniquingKeysWith: +)
        connectionErrors += other.connectionErrors
        lastResponse = max(lastResponse, other.lastResponse)
    }
}
