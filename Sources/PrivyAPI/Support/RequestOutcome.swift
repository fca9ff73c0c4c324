public import Hummingbird

/// How a request ended, for middleware that reports on it (the access log, request metrics).
public enum RequestOutcome {
    /// Runs the rest of the chain and tells `observe` how it ended: the response's status, or
    /// the status the thrown error stands for (500 for any other error), and how long it took.
    /// A thrown error is rethrown.
    public static func observe<Context: RequestContext>(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response,
        _ observe: (HTTPResponse.Status, Duration) -> Void
    ) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            observe(response.status, start.duration(to: .now))
            return response
        } catch {
            observe((error as? any HTTPResponseError)?.status ?? .internalServerError, start.duration(to: .now))
            throw error
        }
    }
}
