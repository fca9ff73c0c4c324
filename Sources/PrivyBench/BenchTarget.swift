/// The server a bench sends to, and the credentials its requests carry.
public struct BenchTarget: Sendable, Equatable {
    /// The host name or address to connect to.
    public var host: String
    /// The TCP port.
    public var port: Int
    /// A path the API is mounted under (empty, or `/prefix` without a trailing slash).
    public var pathPrefix: String
    /// The bearer token: `contacts_read`, `contacts_write` and `orders_write` as the workload needs.
    public var token: String
    /// `X-Privy-Integration-Token` for order upserts, if any.
    public var integrationToken: String?
    /// What reports call the target: its URL unless set.
    public var name: String

    /// A target on `host:port` with the API at the root.
    public init(host: String, port: Int, token: String, integrationToken: String? = nil) {
        self.host = host
        self.port = port
        pathPrefix = ""
        self.token = token
        self.integrationToken = integrationToken
        name = ""
        name = "http://" + authority
    }

    /// A target from a base URL such as `http://127.0.0.1:8080` or `http://[::1]:8080/privy`.
    /// - Throws: ``BenchError`` for anything but a plain `http://` URL.
    public init(url: String, token: String, integrationToken: String? = nil) throws {
        guard url.hasPrefix("http://") else {
            throw BenchError("--url must be a plain http:// URL (the bench speaks HTTP/1.1 without TLS): \(url)")
        }
        let rest = url.dropFirst("http://".count)
        let authority = rest.prefix { $0 != "/" }
        var prefix = String(rest.dropFirst(authority.count))
        while prefix.hasSuffix("/") { prefix.removeLast() }
        let host: Substring
        let portText: Substring?
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            portText = after.hasPrefix(":") ? after.dropFirst() : nil
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        } else {
            host = authority
            portText = nil
        }
        guard !host.isEmpty else { throw BenchError("--url has no host: \(url)") }
        let port = portText.map { Int($0) } ?? 80
        guard let port, (1...65_535).contains(port) else { throw BenchError("--url has no valid port: \(url)") }
        self.init(host: String(host), port: port, token: token, integrationToken: integrationToken)
        pathPrefix = prefix
        name += prefix
    }

    /// `host:port`, an IPv6 address in brackets, as in a URL or a `Host` header.
    public var authority: String {
        (host.contains(":") ? "[\(host)]" : host) + ":\(port)"
    }
}
