import PrivyAPI

/// The resolved listening address and request limits of the API.
struct HTTPSettings: Sendable {
    let host: String
    let port: Int
    /// The largest request body accepted, in bytes.
    let maxBodySize: Int
    /// How long a connection may stay silent, mid-request too, before it is closed.
    let idleTimeout: Duration
    /// How long a client may take to send one request's head and body.
    let requestReadTimeout: Duration
    /// The most connections open at once.
    let maxConnections: Int
    /// The certificate and key to serve TLS with, or `nil` for plain HTTP.
    let tls: TLSFiles?
    /// Rate limits enforced per token: none, the minute window, or the minute and day windows.
    let rateLimits: [RateLimit]

    /// Whether ``host`` is a loopback address, where plain HTTP never leaves the machine.
    var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
