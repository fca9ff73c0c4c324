/// Exponential backoff with full jitter: after the n-th failure in a row, wait a random time
/// between zero and `min(cap, base · 2ⁿ)`, so many edges retrying at once spread out.
struct Backoff: Sendable {
    /// The ceiling of the first wait.
    let base: Duration
    /// The largest ceiling.
    let cap: Duration
    /// Failures in a row so far.
    private(set) var failures = 0

    init(base: Duration, cap: Duration) {
        self.base = base
        self.cap = cap
    }

    /// The ceiling of the next wait, without drawing it.
    var ceiling: Duration {
        let doublings = min(failures, 40)
        let grown = base * (1 << doublings)
        return grown > cap || grown < base ? cap : grown
    }

    /// Counts a failure and draws the time to wait before the next attempt.
    mutating func next(using generator: inout some RandomNumberGenerator) -> Duration {
        let ceiling = ceiling
        failures += 1
        let nanoseconds = ceiling.nanoseconds
        return .nanoseconds(nanoseconds == 0 ? 0 : Int64.random(in: 0...nanoseconds, using: &generator))
    }

    /// Forgets the failures after a success.
    mutating func reset() {
        failures = 0
    }
}

extension Duration {
    /// The duration in whole nanoseconds (saturating).
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? .max : scaled + attoseconds / 1_000_000_000
    }
}
