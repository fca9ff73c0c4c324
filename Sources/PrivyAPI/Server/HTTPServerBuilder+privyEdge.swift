public import HummingbirdCore
import NIOCore

extension HTTPServerBuilder {
    /// privy-edge's HTTP/1.1 server, over TLS when the listener has it.
    ///
    /// - At most `listener.connections.limit` connections are open; one more is closed at once
    ///   and counted (``ConnectionGate``).
    /// - A connection with no traffic for `idleTimeout` is closed, including one whose client
    ///   sent part of a request (head or body) and stalled; a client that takes longer than
    ///   `requestReadTimeout` to send one request is cut off however it trickles
    ///   (``RequestDeadlineHandler``); a response in progress is never cut.
    /// - A request that is not valid HTTP gets its `400` in the error envelope
    ///   (``MalformedRequestEnvelope``).
    /// - Parameter listener: timeouts, the connection cap and TLS.
    /// - Returns: the server builder for `Application(router:server:…)`.
    public static func privyEdge(_ listener: ListenerConfiguration) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in
            let configuration = HTTP1Channel.Configuration(
                additionalChannelHandlers: [MalformedRequestEnvelope(), RequestReadSignal()],
                idleTimeout: TimeAmount(listener.idleTimeout)
            )
            return EdgeServerChannel(http: HTTP1Channel(responder: responder, configuration: configuration), listener: listener)
        }
    }
}
