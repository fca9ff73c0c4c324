public import HummingbirdCore
import NIOCore

extension HTTPServerBuilder {
    /// privy-edge's HTTP/1.1 server.
    ///
    /// - A connection with no traffic for `idleTimeout` is closed, including one whose client
    ///   sent part of a request (head or body) and stalled, so stalled clients cannot pin
    ///   connections; a response in progress is never cut.
    /// - A request that is not valid HTTP gets its `400` in the error envelope
    ///   (``MalformedRequestEnvelope``).
    /// - Parameter idleTimeout: how long a connection may be silent.
    /// - Returns: the server builder for `Application(router:server:…)`.
    public static func privyEdge(idleTimeout: Duration) -> HTTPServerBuilder {
        .http1(configuration: .init(additionalChannelHandlers: [MalformedRequestEnvelope()], idleTimeout: TimeAmount(idleTimeout)))
    }
}
