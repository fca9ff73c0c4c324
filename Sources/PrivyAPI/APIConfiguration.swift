public import Metrics

/// Settings of the HTTP front.
public struct APIConfiguration: Sendable {
    /// The largest request body accepted, in bytes; larger ones get 413.
    public var maxBodySize: Int
    /// Rate limits enforced per token on `/v1`, as the upstream Privy does: empty for none; the
    /// first is reported as the minute window, the second as the day window.
    public var rateLimits: [RateLimit]
    /// Where request counts and latencies go.
    public var metrics: any MetricsFactory

    /// Creates a configuration.
    /// - Parameters:
    ///   - maxBodySize: default 1 MiB, as the contract says.
    ///   - rateLimits: default none.
    ///   - metrics: default the process's bootstrapped factory (a no-op one until `serve` sets it).
    public init(maxBodySize: Int = 1 << 20, rateLimits: [RateLimit] = [], metrics: any MetricsFactory = MetricsSystem.factory) {
        self.maxBodySize = maxBodySize
        self.rateLimits = rateLimits
        self.metrics = metrics
    }
}
