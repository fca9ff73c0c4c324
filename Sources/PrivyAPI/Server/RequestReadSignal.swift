import NIOCore
import NIOHTTPTypes

/// Tells ``RequestDeadlineHandler`` that a request has been read to its end, with an outbound
/// user event sent from just after the HTTP decoder.
final class RequestReadSignal: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    /// The event: one request was read in full.
    struct RequestRead {}

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .end = unwrapInboundIn(data) {
            context.triggerUserOutboundEvent(RequestRead(), promise: nil)
        }
        context.fireChannelRead(data)
    }
}
