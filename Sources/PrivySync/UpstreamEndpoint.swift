/// Where the upstream Privy API lives: the base URL of its `/v1` routes, and the OAuth token URL
/// at `/oauth/token` on the same host (Privy serves both from `https://api.privy.com`).
public struct UpstreamEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// Privy's own API.
    public static let privy = UpstreamEndpoint("https://api.privy.com/v1")!

    /// The base URL without a trailing slash, e.g. `https://api.privy.com/v1`.
    public let baseURL: String
    /// The client-credentials token URL, e.g. `https://api.privy.com/oauth/token`.
    public let tokenURL: String

    /// Accepts an `http` or `https` URL with a host.
    /// - Parameter url: e.g. `https://api.privy.com/v1` or `http://127.0.0.1:8080/v1`.
    /// - Returns: `nil` for anything else.
    public init?(_ url: String) {
        var base = url
        while base.hasSuffix("/") { base.removeLast() }
        let lowercased = base.lowercased()
        guard let schemeLength = ["https://", "http://"].first(where: { lowercased.hasPrefix($0) })?.count else { return nil }
        let host = base.dropFirst(schemeLength).prefix { $0 != "/" }
        guard !host.isEmpty, !base.contains(where: { $0 == "?" || $0 == "#" || $0 == " " }) else { return nil }
        baseURL = base
        tokenURL = base.prefix(schemeLength) + host + "/oauth/token"
    }

    public var description: String {
        baseURL
    }
}
