import HTTPTypes
public import Hummingbird
public import Logging
import PrivyDomain
import PrivyStore

/// Enforces `serve --rate-limit` per token, as the upstream Privy does: every response carries
/// `X-RateLimit-{Limit,Remaining,Reset}-{Minute,Day}` (reset as Unix time), and a request over
/// the limit is answered `429 rate_limited` with `Retry-After` in seconds. Runs after
/// authentication, so the limit is per token.
public struct RateLimitMiddleware: RouterMiddleware {
    public typealias Context = EdgeRequestContext

    private let limiter: RateLimiter
    private let logger: Logger

    /// Creates the middleware.
    /// - Parameters:
    ///   - limits: the minute window, then optionally the day window.
    ///   - logger: where refusals are reported (a client that ignores `Retry-After` is a warning).
    public init(limits: [RateLimit], logger: Logger) {
        limiter = RateLimiter(limits: limits)
        self.logger = logger
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let token = context.principal?.tokenID ?? "anonymous"
        let decision = limiter.admit(token: token, at: .now())
        guard decision.allowed else {
            if decision.ignoredRetryAfter {
                logger.warning("rate limited: a client ignored Retry-After", metadata: ["token_id": "\(token)", "path": "\(request.uri.path)", "request_id": "\(context.requestID)"])
            } else {
                logger.info("rate limited", metadata: ["token_id": "\(token)", "retry_after": "\(decision.retryAfter ?? 0)", "request_id": "\(context.requestID)"])
            }
            throw APIError(.tooManyRequests, code: "rate_limited", message: "rate limit exceeded; retry after \(decision.retryAfter ?? 1) seconds", headers: decision.headers)
        }
        do {
            var response = try await next(request, context)
            response.headers.append(contentsOf: decision.headers)
            return response
        } catch {
            throw HeadedError(underlying: error, headers: decision.headers)
        }
    }
}

/// An error on its way to the envelope, with headers its response must carry (the rate-limit
/// headers of a request that failed for another reason).
struct HeadedError: Error {
    let underlying: any Error
    let headers: HTTPFields
}
