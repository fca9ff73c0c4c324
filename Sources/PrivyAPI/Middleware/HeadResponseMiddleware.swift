import HTTPTypes
public import Hummingbird

/// The outermost middleware: a `HEAD` request gets the answer its `GET` would get, status and
/// headers (`Content-Length` included), without the body; errors too.
public struct HeadResponseMiddleware: RouterMiddleware {
    public typealias Context = EdgeRequestContext

    /// Creates the middleware.
    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let response = try await next(request, context)
        guard request.method == .head else { return response }
        var head = response.createHeadResponse()
        if let length = response.body.contentLength {
            head.headers[.contentLength] = String(length)
        }
        return head
    }
}
