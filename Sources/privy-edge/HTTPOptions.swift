import ArgumentParser
import PrivyAPI

/// Where `serve` listens and what it accepts.
struct HTTPOptions: ParsableArguments {
    @Option(Settings.host) var host: String?

    @Option(Settings.port) var port: Int?

    @Option(Settings.maxBodySize) var maxBodySize: Int?

    @Option(Settings.idleTimeout) var idleTimeout: Duration?

    @Option(name: .customLong(Settings.rateLimit.flagName), help: Settings.rateLimit.help)
    var rateLimits: [RateLimit] = []

    /// Resolves the listening address and the request limits.
    func resolve(_ resolver: inout SettingsResolver) throws -> HTTPSettings {
        HTTPSettings(
            host: try resolver.value(Settings.host, flag: host),
            port: try resolver.value(Settings.port, flag: port),
            maxBodySize: try resolver.value(Settings.maxBodySize, flag: maxBodySize),
            idleTimeout: try resolver.value(Settings.idleTimeout, flag: idleTimeout),
            rateLimits: try resolver.value(Settings.rateLimit, flag: rateLimits.isEmpty ? nil : rateLimits)
        )
    }
}
