public import Hummingbird
import Logging

/// Writes the access log: one line per request at `debug`, with the method, the path (never the
/// query, which may hold an email address), the status and the duration in milliseconds; the
/// request's logger adds its `request_id`. At the default level, `info`, it costs one level check,
/// so logging never limits write throughput.
public struct AccessLogMiddleware: RouterMiddleware {
    public typealias Context = EdgeRequestContext

    /// Creates the middleware.
    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard context.logger.logLevel <= .debug else { return try await next(request, context) }
        return try await RequestOutcome.observe(request, context: context, next: next) { status, duration in
            let (seconds, attoseconds) = duration.components
            let microseconds = seconds * 1_000_000 + attoseconds / 1_000_000_000_000
            context.logger.debug("request", metadata: [
                "method": .string(request.method.rawValue),
                "path": .string(request.uri.path),
                "status": .stringConvertible(status.code),
                "duration_ms": .stringConvertible(Double(microseconds) / 1_000),
            ])
        }
    }
}
