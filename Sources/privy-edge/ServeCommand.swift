public import ArgumentParser
import Hummingbird
import Logging
import Metrics
import PrivyAdmin
public import PrivyAPI
import PrivyStore
import PrivySync
import ServiceLifecycle
import UnixSignals

/// `privy-edge serve`: runs the API until SIGTERM or SIGINT, then drains in-flight writes; with
/// TLS on, SIGHUP re-reads the certificate and key.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Serve the API (the default command).")

    @OptionGroup var options: ServeOptions

    func run() async throws {
        let settings = try options.resolve().settings
        let logger = settings.log.bootstrap()
        let exporterConfiguration = settings.exporter
        let dataDirectory = settings.store.dataDirectory
        let host = settings.http.host
        let port = settings.http.port
        let tls = try settings.http.tls.map(TLSCredentials.init(files:))
        let metrics = AdminMetrics()
        MetricsSystem.bootstrap(metrics.factory)
        let store = try await settings.store.open(onBatchCommitted: metrics.writes.batchCommitted)
        do {
            try ServeLock.acquire(directory: dataDirectory)
            try await store.recordExporterMode(exporterConfiguration.map { .on(upstream: $0.endpoint.baseURL) } ?? .off)
        } catch {
            await store.close()
            throw error
        }
        if try store.tokens().isEmpty {
            logger.notice("no API tokens yet: mint one with `privy-edge tokens create --data-dir \(dataDirectory) --scopes contacts_read,contacts_write,orders_write`")
        }
        let router = buildRouter(store: store, configuration: .init(maxBodySize: settings.http.maxBodySize, rateLimits: settings.http.rateLimits, metrics: metrics.factory), logger: logger)
        let listener = ListenerConfiguration(
            idleTimeout: settings.http.idleTimeout,
            requestReadTimeout: settings.http.requestReadTimeout,
            connections: ConnectionGate(limit: settings.http.maxConnections, metrics: metrics.factory),
            tls: tls
        )
        let scheme = tls == nil ? "http" : "https"
        if tls == nil, !settings.http.isLoopback {
            logger.warning("serving plain HTTP on \(host): anyone on that network can read tokens and customers' data; set tls_cert and tls_key (see README \"Security\")")
        }
        let application = Application(
            router: router,
            server: .privyEdge(listener),
            configuration: .init(address: .hostname(host, port: port), serverName: "privy-edge"),
            onServerRunning: { channel in
                logger.notice("privy-edge listening on \(scheme)://\(boundAddress(of: channel, host: host, port: port))", metadata: ["data_dir": "\(dataDirectory)"])
            },
            logger: logger
        )
        // Shut down in reverse: DrainWatch first (readyz turns 503), the admin listener last.
        let readiness = Readiness()
        let adminListener = settings.admin.listener(store: store, metrics: metrics, readiness: readiness, syncEnabled: exporterConfiguration != nil, logger: logger)
        var running: [any Service] = (adminListener.map { [$0] } ?? []) + [application, StaleReaderSweeper(store: store, logger: logger), TLSReloader(credentials: tls, logger: logger)]
        if let exporterConfiguration {
            running.append(Exporter(store: store, configuration: exporterConfiguration, logger: logger, metrics: metrics.factory))
        } else {
            logger.notice("sync to the upstream is off: no credentials (set upstream_token, or upstream_client_id and upstream_client_secret, by flag, environment or config file)")
        }
        running.append(DrainWatch(readiness: readiness))
        let services = ServiceGroup(
            configuration: .init(services: running, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        )
        do {
            try await services.run()
        } catch {
            await store.close()
            throw error
        }
        await store.close()
        logger.notice("privy-edge stopped; every acknowledged write is committed")
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

extension RateLimit: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(parsing: argument)
    }
}
