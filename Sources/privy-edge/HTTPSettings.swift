import PrivyAPI

/// The resolved listening address and request limits of the API.
struct HTTPSettings: Sendable {
    let host: String
    let port: Int
    /// The largest request body accepted, in bytes.
    let maxBodySize: Int
    /// How long a connection may stay silent, mid-request too, before it is closed.
    let idleTimeout: Duration
    /// Rate limits enforced per token: none, the minute window, or the minute and day windows.
    let rateLimits: [RateLimit]
}
