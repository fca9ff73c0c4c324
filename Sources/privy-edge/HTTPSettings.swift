import PrivyAPI

/// The resolved listening address and request limits of the API.
struct HTTPSettings: Sendable {
    let host: String
    let port: Int
    /// The largest request body accepted, in bytes.
    let maxBodySize: Int
    /// Rate limits enforced per token: none, the minute window, or the minute and day windows.
    let rateLimits: [RateLimit]
}
