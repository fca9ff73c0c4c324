import Hummingbird
public import Logging
import PrivyAdmin
import PrivyAPI
import PrivyStore
import PrivySync
import ServiceLifecycle

/// Builds privy-edge from its settings: loads TLS, opens the store, takes the data directory's
/// serve lock, and assembles the API listener, the admin listener and the background services.
///
/// Bootstrapping the process's logging and metrics is the caller's (see
/// ``LogSettings/bootstrap()`` and ``EdgeApplication/metrics``): it can be done only once.
/// - Parameters:
///   - settings: what to serve, where and how.
///   - logger: where the application reports; default a `privy-edge` logger.
/// - Returns: the application, ready to run; its store is open.
/// - Throws: ``DataDirectoryRefused`` when the store does not open or another server serves the
///   data directory, `TLSFileError` for a certificate or key that cannot serve.
public func buildApplication(settings: ServeSettings, logger: Logger = Logger(label: "privy-edge")) async throws -> EdgeApplication {
    let http = settings.http
    let exporterConfiguration = settings.exporter
    let dataDirectory = settings.store.dataDirectory
    let tls = try http.tls.map(TLSCredentials.init(files:))
    let metrics = AdminMetrics()
    let store = try await settings.store.open(onBatchCommitted: metrics.writes.batchCommitted)
    do {
        try ServeLock.acquire(directory: dataDirectory)
        try await store.outbox.recordExporterMode(exporterConfiguration.map { .on(upstream: $0.endpoint.baseURL) } ?? .off)
    } catch {
        await store.close()
        throw error
    }
    if try store.credentials.tokens().isEmpty {
        logger.notice("no API tokens yet: mint one with `privy-edge tokens create --data-dir \(dataDirectory) --scopes contacts_read,contacts_write,orders_write`")
    }
    let router = buildRouter(store: store, configuration: .init(maxBodySize: http.maxBodySize, rateLimits: http.rateLimits, metrics: metrics.factory), logger: logger)
    let listener = ListenerConfiguration(
        idleTimeout: http.idleTimeout,
        requestReadTimeout: http.requestReadTimeout,
        connections: ConnectionGate(limit: http.maxConnections, metrics: metrics.factory),
        tls: tls
    )
    let scheme = tls == nil ? "http" : "https"
    if tls == nil, !http.isLoopback {
        logger.warning("serving plain HTTP on \(http.host): anyone on that network can read tokens and customers' data; set tls_cert and tls_key (see README \"Security\")")
    }
    let api = Application(
        router: router,
        server: .privyEdge(listener),
        configuration: .init(address: .hostname(http.host, port: http.port), serverName: "privy-edge"),
        onServerRunning: { channel in
            logger.notice("privy-edge listening on \(scheme)://\(boundAddress(of: channel, host: http.host, port: http.port))", metadata: ["data_dir": "\(dataDirectory)"])
        },
        logger: logger
    )
    // Shut down in reverse: DrainWatch first (readyz turns 503), the admin listener last.
    let readiness = Readiness()
    let admin = settings.admin.listener(store: store, metrics: metrics, readiness: readiness, syncEnabled: exporterConfiguration != nil, logger: logger)
    var services: [any Service] = (admin.map { [$0] } ?? []) + [api, StaleReaderSweeper(store: store, logger: logger), TLSReloader(credentials: tls, logger: logger)]
    if let exporterConfiguration {
        services.append(Exporter(store: store, configuration: exporterConfiguration, logger: logger, metrics: metrics.factory))
    } else {
        logger.notice("sync to the upstream is off: no credentials (set upstream_token, or upstream_client_id and upstream_client_secret, by flag, environment or config file)")
    }
    services.append(DrainWatch(readiness: readiness))
    return EdgeApplication(api: api, admin: admin, store: store, metrics: metrics, services: services, logger: logger)
}
