import Benchmark

/// Every benchmark of privy-edge, registered for the benchmark runner the plugin generates.
///
/// Each reports throughput and wall clock for information; only `mallocCountTotal` is gated
/// (Thresholds/, checked by `make benchmarks`), because the allocation count of the same code
/// on the same input does not depend on how loaded the machine is.
let benchmarks: @Sendable () -> Void = {
    ConsentBenchmarks.register()
    RecordBenchmarks.register()
    OrderParseBenchmarks.register()
    StoreBenchmarks.register()
}
