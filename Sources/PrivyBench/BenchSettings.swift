import Glibc

/// How a bench runs: the workload, its shape and its length.
public struct BenchSettings: Sendable, Equatable {
    /// How long the measured part of a run lasts.
    public enum Stop: Sendable, Equatable {
        /// A fixed window of time.
        case duration(Duration)
        /// A number of requests.
        case requests(Int)
    }

    /// What is sent.
    public var workload = Workload.orders
    /// Concurrent connections, each with one request in flight.
    public var concurrency = 64
    /// Measured duration or request count.
    public var stop = Stop.duration(.seconds(10))
    /// Load before measuring starts, not counted.
    public var warmup = Duration.seconds(2)
    /// Share of writes that create (a new order, a new contact) rather than update.
    public var newShare = 0.5
    /// Which existing order or contact an update or read picks.
    public var keys = KeyDistribution.uniform
    /// `mixed`: share of requests that are reads.
    public var readShare = 0.8
    /// Distinct customers orders come from; `contacts` and `mixed` create their contacts first.
    public var customers = 10_000
    /// Event-loop threads of the load generator.
    public var threads = 1
    /// Where `orders` and `mixed` post orders (another path measures, say, an echo route with the same bodies).
    public var ordersPath = "/v1/orders/placed"
    /// Makes this run's new order ids (`runID + 1`, `+ 2`, …) and new contact emails unique, so
    /// repeated runs against one server create rather than update.
    public var runID = BenchSettings.clockRunID()
    /// The name reports and plots use; `nil` names the run after its workload.
    public var label: String?
    /// Reads the server's CPU time, its writer thread's and the disk's written bytes at the
    /// start and end of the measured window, if set.
    public var probe: ServerProbe?

    /// The defaults: orders, 64 connections, 10 s after a 2 s warm-up, half new orders, uniform keys.
    public init() {}

    /// The run's name in reports and plots.
    public var resolvedLabel: String {
        label ?? "\(workload.rawValue), \(concurrency) connections"
    }

    /// A run id from the wall clock: a different second, a disjoint range of 100 million ids.
    static func clockRunID() -> Int {
        (time(nil) % 10_000_000) * 100_000_000
    }
}
