public import PrivyAPI

/// The resolved listening address and request limits of the API.
public struct HTTPSettings: Sendable {
    /// The address the API listens on.
    public let host: String
    /// The port the API listens on; 0 picks a free one.
    public let port: Int
    /// The largest request body accepted, in bytes.
    public let maxBodySize: Int
    /// How long a connection may stay silent, mid-request too, before it is closed.
    public let idleTimeout: Duration
    /// How long a client may take to send one request's head and body.
    public let requestReadTimeout: Duration
    /// The most connections open at once.
    public let maxConnections: Int
    /// The certificate and key to serve TLS with, or `nil` for plain HTTP.
    public let tls: TLSFiles?
    /// Rate limits enforced per token: none, the minute window, or the minute and day windows.
    public let rateLimits: [RateLimit]

    /// Resolves the listening address, the request and connection limits, and TLS.
    /// - Parameter resolver: the flags, the environment and the config file.
    /// - Throws: ``ConfigurationError`` for an invalid value, or `tls_cert` without `tls_key` (or the reverse).
    public init(resolving resolver: inout SettingsResolver) throws {
        host = try resolver.value(Settings.host)
        port = try resolver.value(Settings.port)
        maxBodySize = try resolver.value(Settings.maxBodySize)
        idleTimeout = try resolver.value(Settings.idleTimeout)
        requestReadTimeout = try resolver.value(Settings.requestReadTimeout)
        maxConnections = try resolver.value(Settings.maxConnections)
        tls = try Self.tlsFiles(&resolver)
        rateLimits = try resolver.value(Settings.rateLimit)
    }

    /// Whether ``host`` is a loopback address, where plain HTTP never leaves the machine.
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    private static func tlsFiles(_ resolver: inout SettingsResolver) throws -> TLSFiles? {
        let certificate = try resolver.value(Settings.tlsCert)
        let key = try resolver.value(Settings.tlsKey)
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
