import NIOCore

/// The only handler of a load connection's channel: parses response bytes and hands each
/// complete response to its ``LoadConnection``.
final class ResponseHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private let connection: LoadConnection
    private var parser: ResponseParser

    init(connection: LoadConnection, keepsBodies: Bool) {
        self.connection = connection
        parser = ResponseParser(keepsBodies: keepsBodies)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        parser.append(&bytes)
        do {
            while let response = try parser.next() {
                connection.received(response)
            }
        } catch {
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let response = parser.connectionClosed() {
            connection.received(response)
        }
        connection.channelClosed()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
