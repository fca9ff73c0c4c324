import ArgumentParser
import PrivyAPI
import PrivyEdgeApp

/// Where `serve` listens and what it accepts.
struct HTTPOptions: ParsableArguments {
    @Option(Settings.host) var host: String?

    @Option(Settings.port) var port: Int?

    @Option(Settings.maxBodySize) var maxBodySize: Int?

    @Option(Settings.idleTimeout) var idleTimeout: Duration?

    @Option(Settings.requestReadTimeout) var requestReadTimeout: Duration?

    @Option(Settings.maxConnections) var maxConnections: Int?

    @Option(Settings.tlsCert) var tlsCert: String?

    @Option(Settings.tlsKey) var tlsKey: String?

    @Option(name: .customLong(Settings.rateLimit.flagName), help: Settings.rateLimit.help)
    var rateLimits: [RateLimit] = []

    /// Adds the flags given to `flags`.
    func collect(into flags: inout SettingFlags) {
        flags[Settings.host] = host
        flags[Settings.port] = port
        flags[Settings.maxBodySize] = maxBodySize
        flags[Settings.idleTimeout] = idleTimeout
        flags[Settings.requestReadTimeout] = requestReadTimeout
        flags[Settings.maxConnections] = maxConnections
        flags[Settings.tlsCert] = tlsCert
        flags[Settings.tlsKey] = tlsKey
        flags[Settings.rateLimit] = rateLimits.isEmpty ? nil : rateLimits
    }
}
