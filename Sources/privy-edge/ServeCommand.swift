import ArgumentParser
import Metrics
import PrivyAdmin
import PrivyEdgeApp

/// `privy-edge serve`: runs the API until SIGTERM or SIGINT, then drains in-flight writes; with
/// TLS on, SIGHUP re-reads the certificate and key.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Serve the API (the default command).")

    @OptionGroup var options: ServeOptions

    func run() async throws {
        let settings = try options.resolve().settings
        let logger = settings.log.bootstrap()
        let application = try await refusalAsValidationError { try await buildApplication(settings: settings, logger: logger) }
        MetricsSystem.bootstrap(application.metrics.factory)
        try await application.runService()
    }
}
