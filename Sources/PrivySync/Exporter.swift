import AsyncHTTPClient
import NIOSSL
public import Logging
public import Metrics
public import PrivyStore
public import ServiceLifecycle

/// The sync exporter: a service that replicates the store's change log to the upstream Privy
/// API, paced, coalescing and prioritised, and on a schedule pulls the upstream's restricting
/// consent states back (``ConsentPuller``), until graceful shutdown.
///
/// Every change leaves the log only once the upstream accepted it (or refused it for good, into
/// the dead letters), so a restart resumes where the last one stopped, and re-sending after a
/// crash is harmless: a create that already happened answers 409 and is linked.
public struct Exporter: Service {
    private let store: Store
    private let configuration: ExporterConfiguration
    private let logger: Logger
    private let metrics: UpstreamMetrics

    /// Creates the exporter.
    /// - Parameters:
    ///   - store: the open store whose log it replicates.
    ///   - configuration: the upstream, credentials, budget and timings.
    ///   - logger: where progress and failures go.
    ///   - metrics: where upstream calls and failures are counted (default the process's
    ///     bootstrapped factory).
    public init(store: Store, configuration: ExporterConfiguration, logger: Logger, metrics: any MetricsFactory = MetricsSystem.factory) {
        self.store = store
        self.configuration = configuration
        self.logger = logger
        self.metrics = UpstreamMetrics(factory: metrics)
    }

    public func run() async throws {
        var httpConfiguration = HTTPClient.Configuration()
        httpConfiguration.connectionPool.retryConnectionEstablishment = false  // our backoff decides when to try again
        if let caFile = configuration.caFile {
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.trustRoots = .file(caFile)
            httpConfiguration.tlsConfiguration = tls
        }
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: httpConfiguration)
        let (store, configuration, logger, metrics) = (store, configuration, logger, metrics)
        logger.notice("sync to the upstream is on", metadata: [
            "upstream": "\(configuration.endpoint)",
            "auth": "\(configuration.credentials.kind)",
            "budget": "\(configuration.budget.perMinute)/min, \(configuration.budget.perDay)/day",
            "concurrency": "\(configuration.concurrency)",
            "consent_pull": "\(configuration.pullInterval.map { "every \($0), at most \(configuration.pullSchedule.callsPerDay) calls a day" } ?? "off")",
        ])
        try await store.outbox.recordPullSchedule(configuration.pullSchedule)
        await cancelWhenGracefulShutdown {
            let client = UpstreamClient(http: http, endpoint: configuration.endpoint, timeout: configuration.requestTimeout, metrics: metrics)
            let tokens = AccessTokenSource(credentials: configuration.credentials, endpoint: configuration.endpoint, http: http, timeout: configuration.requestTimeout)
            let runner = JobRunner(store: store, client: client, tokens: tokens, budget: configuration.budget)
            let puller = configuration.pullInterval == nil ? nil : ConsentPuller(store: store, runner: runner, pageSize: configuration.pullPageSize, logger: logger)
            await SyncSession(store: store, configuration: configuration, runner: runner, puller: puller, logger: logger, metrics: metrics).run()
        }
        try await http.shutdown()
    }
}

extension UpstreamCredentials {
    /// What kind of credentials, for logs (never the secret).
    var kind: String {
        switch self {
        case .apiToken: "api token"
        case .clientCredentials(let id, _): "oauth client \(id)"
        }
    }
}
