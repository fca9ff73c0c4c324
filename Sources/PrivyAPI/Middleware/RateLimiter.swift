import HTTPTypes
import PrivyDomain
import Synchronization

/// Counts requests per token in fixed windows and decides, with Privy's headers, whether each
/// one may go. The first limit is reported as the minute window
/// (`X-RateLimit-{Limit,Remaining,Reset}-Minute`), the second as the day window.
final class RateLimiter: Sendable {
    /// What the limiter said about one request.
    struct Decision: Sendable {
        /// Whether the request may go.
        var allowed: Bool
        /// `X-RateLimit-*` for every response, and `Retry-After` for a refusal.
        var headers: HTTPFields
        /// Seconds to wait, for a refusal.
        var retryAfter: Int?
        /// Whether this token was already refused in the same window: it did not wait as told.
        var ignoredRetryAfter: Bool
    }

    /// One token's count in one window.
    private struct Window {
        var index: Int64
        var used: Int
        var refused: Bool
    }

    private static let names = ["Minute", "Day"]

    let limits: [RateLimit]
    private let windows = Mutex<[String: [Window]]>([:])

    /// Creates a limiter for one or two limits (more are ignored).
    init(limits: [RateLimit]) {
        self.limits = Array(limits.prefix(Self.names.count))
    }

    /// Counts a request by `token` at `now`, unless a window is exhausted.
    func admit(token: String, at now: Timestamp) -> Decision {
        let microseconds = now.microsecondsSinceEpoch
        return windows.withLock { all in
            if all.count > 100_000 { all.removeAll(keepingCapacity: true) }
            var current = limits.enumerated().map { position, limit in
                let index = microseconds / (limit.windowSeconds * 1_000_000)
                guard let stored = all[token]?[position], stored.index == index else { return Window(index: index, used: 0, refused: false) }
                return stored
            }
            let exhausted = limits.indices.filter { current[$0].used >= limits[$0].limit }
            let allowed = exhausted.isEmpty
            let ignoredRetryAfter = exhausted.contains { current[$0].refused }
            for position in limits.indices {
                if allowed { current[position].used += 1 }
                if exhausted.contains(position) { current[position].refused = true }
            }
            all[token] = current
            var headers = HTTPFields()
            var retryAfter: Int?
            for (position, limit) in limits.enumerated() {
                let reset = (current[position].index + 1) * limit.windowSeconds
                let name = Self.names[position]
                headers[HTTPField.Name("X-RateLimit-Limit-\(name)")!] = String(limit.limit)
                headers[HTTPField.Name("X-RateLimit-Remaining-\(name)")!] = String(max(0, limit.limit - current[position].used))
                headers[HTTPField.Name("X-RateLimit-Reset-\(name)")!] = String(reset)
                if exhausted.contains(position) {
                    let wait = Int((reset * 1_000_000 - microseconds + 999_999) / 1_000_000)
                    retryAfter = max(retryAfter ?? 1, wait)
                }
            }
            if let retryAfter { headers[.retryAfter] = String(retryAfter) }
            return Decision(allowed: allowed, headers: headers, retryAfter: retryAfter, ignoredRetryAfter: ignoredRetryAfter)
        }
    }
}
