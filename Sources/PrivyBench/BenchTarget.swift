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
    /// TLS for an `https://` target; `nil` for plain HTTP.
    public var tls: BenchTLS?

    /// A target on `host:port` with the API at the root.
    /// - Parameter tls: TLS to speak, or `nil` for plain HTTP.
    public init(host: String, port: Int, token: String, integrationToken: String? = nil, tls: BenchTLS? = nil) {
        self.host = host
        self.port = port
        pathPrefix = ""
        self.token = token
        self.integrationToken = integrationToken
        self.tls = tls
        name = ""
        name = (tls == nil ? "http://" : "https://") + authority
    }

    /// A target from a base URL such as `http://127.0.0.1:8080`, `https://till.shop.lan:8443` or
    /// `http://[::1]:8080/privy`.
    /// - Parameter caFile: for `https://`, a PEM file of the certificates to trust instead of
    ///   the system's roots (a self-signed certificate, or the shop's CA).
    /// - Throws: ``BenchError`` for anything but an `http://` or `https://` URL, or a CA file
    ///   that cannot be used.
    public init(url: String, token: String, integrationToken: String? = nil, caFile: String? = nil) throws {
        let secure = url.hasPrefix("https://")
        guard secure || url.hasPrefix("http://") else {
            throw BenchError("--url must be an http:// or https:// URL: \(url)")
        }
        guard secure || caFile == nil else { throw BenchError("--ca-file goes with an https:// --url") }
        let rest = url.dropFirst(secure ? "https://".count : "http://".count)
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
        let port = portText.map { Int($0) } ?? (secure ? 443 : 80)
        guard let port, (1...65_535).contains(port) else { throw BenchError("--url has no valid port: \(url)") }
        self.init(host: String(host), port: port, token: token, integrationToken: integrationToken, tls: secure ? try BenchTLS(caFile: caFile) : nil)
        pathPrefix = prefix
        name += prefix
    }

    /// `host:port`, an IPv6 address in brackets, as in a URL or a `Host` header.
    public var authority: String {
        (host.contains(":") ? "[\(host)]" : host) + ":\(port)"
    }
}
