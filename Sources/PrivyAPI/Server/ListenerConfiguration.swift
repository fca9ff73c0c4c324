/// How the API listener treats connections: its timeouts, its connection cap and its TLS.
public struct ListenerConfiguration: Sendable {
    /// How long a connection may be silent, mid-request too.
    public var idleTimeout: Duration
    /// How long a client may take to send one request's head and body.
    public var requestReadTimeout: Duration
    /// The cap on open connections.
    public var connections: ConnectionGate
    /// The TLS identity, or `nil` for plain HTTP.
    public var tls: TLSCredentials?

    /// Creates the configuration.
    /// - Parameters:
    ///   - idleTimeout: default 60 s.
    ///   - requestReadTimeout: default 30 s.
    ///   - connections: default a cap of 1,024.
    ///   - tls: default none (plain HTTP).
    public init(
        idleTimeout: Duration = .seconds(60),
        requestReadTimeout: Duration = .seconds(30),
        connections: ConnectionGate = ConnectionGate(limit: 1_024),
        tls: TLSCredentials? = nil
    ) {
        self.idleTimeout = idleTimeout
        self.requestReadTimeout = requestReadTimeout
        self.connections = connections
        self.tls = tls
    }
}
