public import ArgumentParser
import Hummingbird
import Logging
public import PrivyAPI
import PrivyStore
import PrivySync
import ServiceLifecycle
import UnixSignals

/// `privy-edge serve`: runs the API until SIGTERM or SIGINT, then drains in-flight writes.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Serve the API (the default command).")

    @OptionGroup var store: StoreOptions

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one).")
    var port = 8080

    @Option(name: .customLong("max-body-size"), help: "The largest request body accepted, in bytes.")
    var maxBodySize = 1 << 20

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: Logger.Level = .info

    @OptionGroup var sync: SyncOptions

    @Option(name: .customLong("rate-limit"), help: "Enforce Privy's rate limit per token, as the upstream does: N/window such as 60/60s; twice for the minute and day windows.")
    var rateLimits: [RateLimit] = []

    func validate() throws {
        guard rateLimits.count <= 2 else { throw ValidationError("--rate-limit takes at most two windows: the minute one, then the day one") }
    }

    func run() async throws {
        let logger = {
            var logger = Logger(label: "privy-edge")
            logger.logLevel = logLevel
            return logger
        }()
        let exporterConfiguration = try sync.exporterConfiguration()
        let store = try await self.store.openStore()
        if try store.tokens().isEmpty {
            logger.notice("no API tokens yet: mint one with `privy-edge tokens create --data-dir \(self.store.resolvedDataDirectory) --scopes contacts_read,contacts_write,orders_write`")
        }
        let router = buildRouter(store: store, configuration: .init(maxBodySize: maxBodySize, rateLimits: rateLimits), logger: logger)
        let application = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "privy-edge"),
            onServerRunning: { channel in
                let address = channel.localAddress.map { "\($0.ipAddress ?? host):\($0.port ?? port)" } ?? "\(host):\(port)"
                logger.notice("privy-edge listening on http://\(address)", metadata: ["data_dir": "\(self.store.resolvedDataDirectory)"])
            },
            logger: logger
        )
        var running: [any Service] = [application, StaleReaderSweeper(store: store, logger: logger)]
        if let exporterConfiguration {
            running.append(Exporter(store: store, configuration: exporterConfiguration, logger: logger))
        } else {
            logger.notice("sync to the upstream is off: no credentials (set --upstream-token, or --upstream-client-id and --upstream-client-secret)")
        }
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
