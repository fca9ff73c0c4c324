/// What an upstream answer says about its rate limits: Privy's
/// `X-RateLimit-{Limit,Remaining,Reset}-{Minute,Day}` (reset as Unix time) and `Retry-After`.
struct RateLimitReport: Sendable, Hashable {
    /// One window's figures.
    struct Window: Sendable, Hashable {
        /// Calls left in the window.
        var remaining: Int
        /// When the window resets, in Unix seconds.
        var reset: Int64
    }

    /// The minute window, if reported.
    var minute: Window?
    /// The day window, if reported.
    var day: Window?
    /// `Retry-After` in seconds, if sent.
    var retryAfter: Int?

    init(minute: Window? = nil, day: Window? = nil, retryAfter: Int? = nil) {
        self.minute = minute
        self.day = day
        self.retryAfter = retryAfter
    }

    /// Reads the headers through `header`, which returns a header's first value by name.
    /// Missing or malformed values are ignored.
    init(header: (String) -> String?) {
        func window(_ name: String) -> Window? {
            guard let remaining = header("X-RateLimit-Remaining-\(name)").flatMap(Int.init),
                  let reset = header("X-RateLimit-Reset-\(name)").flatMap(Int64.init)
            else { return nil }
            return Window(remaining: remaining, reset: reset)
        }
        self.init(
            minute: window("Minute"),
            day: window("Day"),
            retryAfter: header("Retry-After").flatMap { Int($0) }.map { max(0, $0) }
        )
    }
}
