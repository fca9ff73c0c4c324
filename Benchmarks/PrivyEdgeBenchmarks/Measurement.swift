import Benchmark

/// The settings all of privy-edge's benchmarks share.
enum Measurement {
    /// The tolerance `thresholds check` allows above a recorded malloc count, at p90: 2 %.
    ///
    /// The count is exact for single-threaded code and moved by less than 1 % between runs for
    /// the store (the writer thread's and LMDB's allocations depend on how many batches a run
    /// commits). One avoidable allocation more per operation is at least 2 % of every
    /// benchmark here, so this still catches it.
    static var mallocTolerance: BenchmarkThresholds { BenchmarkThresholds(relative: [.p90: 2.0]) }

    /// A configuration measuring `operations` calls per iteration, so that figures read per call.
    /// - Parameters:
    ///   - operations: calls per measured iteration (the scaling factor).
    ///   - maxDuration: how long to keep measuring.
    static func perCall(_ operations: BenchmarkScalingFactor, maxDuration: Duration = .seconds(1)) -> Benchmark.Configuration {
        .init(
            metrics: [.throughput, .wallClock, .mallocCountTotal],
            scalingFactor: operations,
            maxDuration: maxDuration,
            thresholds: [.mallocCountTotal: mallocTolerance]
        )
    }
}
