public import ArgumentParser
import Hummingbird
import Logging
import PrivyAPI
import PrivyStore
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

    func run() async throws {
        let logger = {
            var logger = Logger(label: "privy-edge")
            logger.logLevel = logLevel
            return logger
        }()
        let store = try await self.store.openStore()
        if try store.tokens().isEmpty {
            logger.notice("no API tokens yet: mint one with `privy-edge tokens create --data-dir \(self.store.resolvedDataDirectory) --scopes contacts_read,contacts_write,orders_write`")
        }
        let router = buildRouter(store: store, configuration: .init(maxBodySize: maxBodySize), logger: logger)
        let application = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "privy-edge"),
            onServerRunning: { channel in
                let address = channel.localAddress.map { "\($0.ipAddress ?? host):\($0.port ?? port)" } ?? "\(host):\(port)"
                logger.notice("privy-edge listening on http://\(address)", metadata: ["data_dir": "\(self.store.resolvedDataDirectory)"])
            },
            logger: logger
        )
        let services = ServiceGroup(
            configuration: .init(services: [application], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
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
