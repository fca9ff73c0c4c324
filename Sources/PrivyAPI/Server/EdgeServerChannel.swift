import HummingbirdCore
import Logging
import NIOCore
import NIOSSL

/// Each API connection's setup, around Hummingbird's HTTP/1.1 channel: the connection cap
/// first, then TLS when it is on (with the context current at accept time, so a reload never
/// touches open connections), then the request read deadline, then HTTP.
struct EdgeServerChannel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let http: HTTP1Channel
    let listener: ListenerConfiguration

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let connections = listener.connections
        guard connections.admit() else {
            logger.debug("connection refused: \(connections.limit) already open")
            channel.close(promise: nil)
            return channel.eventLoop.makeFailedFuture(ConnectionGate.Refused())
        }
        channel.closeFuture.whenComplete { _ in connections.release() }
        return channel.eventLoop.makeCompletedFuture {
            let pipeline = channel.pipeline.syncOperations
            if let tls = listener.tls {
                try pipeline.addHandler(NIOSSLServerHandler(context: tls.context))
            }
            try pipeline.addHandler(RequestDeadlineHandler(timeout: TimeAmount(listener.requestReadTimeout)))
        }.flatMap {
            http.setup(channel: channel, logger: logger)
        }
    }

    func handle(value: Value, logger: Logger) async {
        await http.handle(value: value, logger: logger)
    }
}
