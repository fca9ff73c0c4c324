import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Puts the contract's error envelope on the answer to a request that is not valid HTTP.
///
/// When NIO's parser refuses a request (a header flood, an absurd or repeated
/// `Content-Length`, conflicting framing), Hummingbird answers `400` with an empty body and
/// `Connection: close` before any route runs. This handler sits in each connection's pipeline,
/// notes the parser's error on its way in, and gives that one answer a body:
/// `{"error": {"code": "bad_request", "message": "the request is not valid HTTP: …"}}` and an
/// `X-Request-Id`, as every other error has.
final class MalformedRequestEnvelope: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// The parser's error, until the bare `400` it causes has been rewritten.
    private var parseError: HTTPParserError?
    /// The envelope still to be written in place of the empty body.
    private var pendingBody: ByteBuffer?

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let error = error as? HTTPParserError {
            parseError = error
        }
        context.fireErrorCaught(error)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let part = unwrapOutboundIn(data)
        if case .head(var head) = part, let error = parseError, head.status == .badRequest, head.headerFields[.contentLength] == "0" {
            let body = context.channel.allocator.buffer(bytes: APIError.badRequest("the request is not valid HTTP: \(error.debugDescription)").envelope)
            parseError = nil
            pendingBody = body
            head.headerFields[.contentType] = "application/json; charset=utf-8"
            head.headerFields[.contentLength] = String(body.readableBytes)
            head.headerFields[.requestID] = RequestIDGenerator.shared.next()
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        } else if case .end(let trailers) = part, let body = pendingBody {
            pendingBody = nil
            context.write(wrapOutboundOut(.body(body)), promise: nil)
            context.write(wrapOutboundOut(.end(trailers)), promise: promise)
        } else {
            context.write(data, promise: promise)
        }
    }
}
