/// Why a job stopped before the upstream settled it. Its changes stay pending and are tried
/// again: after a backoff, or once the upstream's `Retry-After` has passed.
enum SyncInterruption: Error, Sendable, CustomStringConvertible {
    /// The upstream could not be reached (connection refused, timeout, TLS…).
    case unreachable(request: String, reason: String)
    /// 5xx, 408 or another answer that may be temporary.
    case serverError(request: String, status: Int)
    /// 429: the rate limit was hit.
    case throttled(request: String, retryAfter: Int?)
    /// 401 (after a fresh token) or 403, or the token endpoint refused the client: nothing can
    /// go until an operator fixes the credentials.
    case credentialsRefused(request: String, status: Int, body: String)

    /// Whether to wait a backoff before the next attempt (a 429 has its own wait).
    var backsOff: Bool {
        if case .throttled = self { false } else { true }
    }

    public var description: String {
        switch self {
        case .unreachable(let request, let reason):
            "\(request): upstream unreachable: \(reason)"
        case .serverError(let request, let status):
            "\(request): upstream answered \(status)"
        case .throttled(let request, let retryAfter):
            "\(request): upstream answered 429" + (retryAfter.map { ", retry after \($0) s" } ?? "")
        case .credentialsRefused(let request, let status, let body):
            "\(request): upstream refused the credentials (\(status)): \(body)"
        }
    }
}
