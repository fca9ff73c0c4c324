import Metrics

/// The exporter's traffic with the upstream, through swift-metrics: every call by method and
/// status (`privy_edge_upstream_calls_total`, with `status="none"` when no answer came), its
/// latency (`privy_edge_upstream_call_duration_seconds`), and every failure that makes the
/// exporter wait (`privy_edge_upstream_errors_total` by `kind`).
struct UpstreamMetrics: Sendable {
    let factory: any MetricsFactory

    /// Records one call; `status` is `nil` when no answer came.
    func recordCall(_ request: UpstreamRequest, status: Int?, duration: Duration) {
        let method = ("method", request.method.rawValue)
        Counter(label: "privy_edge_upstream_calls_total", dimensions: [method, ("status", status.map(String.init) ?? "none")], factory: factory)
            .increment()
        Timer(label: "privy_edge_upstream_call_duration_seconds", dimensions: [method], preferredDisplayUnit: .seconds, factory: factory)
            .record(duration: duration)
    }

    /// Records a failure the exporter backs off on or waits out.
    func recordFailure(_ interruption: SyncInterruption) {
        let kind = switch interruption {
        case .unreachable: "unreachable"
        case .serverError: "server_error"
        case .throttled: "throttled"
        case .credentialsRefused: "credentials_refused"
        }
        Counter(label: "privy_edge_upstream_errors_total", dimensions: [("kind", kind)], factory: factory).increment()
    }
}
