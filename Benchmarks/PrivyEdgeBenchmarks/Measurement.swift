import Benchmark

/// The settings all of privy-edge's benchmarks share.
enum Measurement {
    /// A configuration measuring `operations` calls per iteration, so that figures read per call,
    /// with malloc counts gated at p90 against Benchmarks/Thresholds/.
    ///
    /// The default tolerance, 2 %, is for code whose allocation count is exact run after run (one
    /// thread, one transaction): one avoidable allocation more per call is at least 2 % of every
    /// such benchmark here, so it is caught.
    /// - Parameters:
    ///   - operations: calls per measured iteration (the scaling factor).
    ///   - mallocTolerance: how far, in percent, the p90 malloc count may rise above its threshold.
    static func perCall(_ operations: BenchmarkScalingFactor, mallocTolerance: Double = 2) -> Benchmark.Configuration {
        .init(
            metrics: [.throughput, .wallClock, .mallocCountTotal],
            scalingFactor: operations,
            thresholds: [.mallocCountTotal: BenchmarkThresholds(relative: [.p90: mallocTolerance])]
        )
    }
}
