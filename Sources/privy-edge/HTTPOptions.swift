import ArgumentParser
import PrivyAPI

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

    /// Resolves the listening address, the request and connection limits, and TLS.
    /// - Throws: ``ConfigurationError`` for an invalid value, or `tls_cert` without `tls_key` (or the reverse).
    func resolve(_ resolver: inout SettingsResolver) throws -> HTTPSettings {
        HTTPSettings(
            host: try resolver.value(Settings.host, flag: host),
            port: try resolver.value(Settings.port, flag: port),
            maxBodySize: try resolver.value(Settings.maxBodySize, flag: maxBodySize),
            idleTimeout: try resolver.value(Settings.idleTimeout, flag: idleTimeout),
            requestReadTimeout: try resolver.value(Settings.requestReadTimeout, flag: requestReadTimeout),
            maxConnections: try resolver.value(Settings.maxConnections, flag: maxConnections),
            tls: try tlsFiles(&resolver),
            rateLimits: try resolver.value(Settings.rateLimit, flag: rateLimits.isEmpty ? nil : rateLimits)
        )
    }

    private func tlsFiles(_ resolver: inout SettingsResolver) throws -> TLSFiles? {
        let certificate = try resolver.value(Settings.tlsCert, flag: tlsCert)
        let key = try resolver.value(Settings.tlsKey, flag: tlsKey)
        switch (certificate, key) {
        case (let certificate?, let key?):
            return TLSFiles(certificatePath: certificate, keyPath: key)
        case (nil, nil):
            return nil
        default:
            throw ConfigurationError("tls_cert and tls_key go together")
        }
    }
}
