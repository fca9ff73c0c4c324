public import Metrics
import Prometheus

/// The process's metrics: one Prometheus registry that the API, the writer and the exporter
/// record into through swift-metrics, plus the store's gauges, sampled at each scrape.
///
/// `serve` makes one and bootstraps `MetricsSystem` with its ``factory``; tests make one per
/// server, since the metrics system can be bootstrapped only once per process.
public final class AdminMetrics: Sendable {
    /// The swift-metrics factory that records into this registry, with histogram buckets suited
    /// to privy-edge (sub-millisecond requests, batches of up to 1024 writes).
    public let factory: any MetricsFactory
    /// The writer's batch reports: hand ``WriteObserver/batchCommitted(_:)`` to the store.
    public let writes: WriteObserver
    private let registry: PrometheusCollectorRegistry
    private let gauges: StoreGauges

    /// Creates an empty registry.
    public init() {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .microseconds(100), .microseconds(250), .microseconds(500),
            .milliseconds(1), .milliseconds(2.5), .milliseconds(5), .milliseconds(10), .milliseconds(25),
            .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
            .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
        ]
        factory.valueHistogramBuckets = [WriteObserver.batchSizeLabel: WriteObserver.batchSizeBuckets]
        self.registry = registry
        self.factory = factory
        writes = WriteObserver(factory: factory)
        gauges = StoreGauges(registry: registry)
    }

    /// Everything in the Prometheus text format, with the store's gauges set from `figures`.
    func exposition(with figures: StoreFigures) -> [UInt8] {
        gauges.update(from: figures)
        return registry.emitToBuffer()
    }
}
