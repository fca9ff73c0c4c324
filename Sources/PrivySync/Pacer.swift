import PrivyDomain

/// Decides when the next upstream call may go, from the exporter's own budget and what the
/// upstream said. Pure: the caller supplies the time and does the waiting.
///
/// - The minute budget spreads calls evenly: one every `60 s / perMinute`.
/// - The day budget caps the calls in any 24 hours.
/// - `X-RateLimit-Remaining-{Minute,Day}: 0` holds calls until that window's reset.
/// - `Retry-After` holds calls for that many seconds.
struct Pacer: Sendable {
    private static let microsecondsPerSecond: Int64 = 1_000_000
    private static let day: Int64 = 86_400 * microsecondsPerSecond

    let budget: SyncBudget
    /// The time of the last call.
    private var lastCall: Int64?
    /// The times of the calls in the last 24 hours, oldest first, for the day budget.
    private var callsToday: [Int64] = []
    /// No call before this time, as the upstream asked.
    private var heldUntil: Int64 = 0

    init(budget: SyncBudget) {
        self.budget = budget
    }

    /// The earliest time the next call may go (`now` or later).
    func nextCall(at now: Timestamp) -> Timestamp {
        var earliest = max(now.microsecondsSinceEpoch, heldUntil)
        if let lastCall {
            earliest = max(earliest, lastCall + 60 * Self.microsecondsPerSecond / Int64(budget.perMinute))
        }
        if callsToday.count >= budget.perDay {
            earliest = max(earliest, callsToday[callsToday.count - budget.perDay] + Self.day)
        }
        return Timestamp(microsecondsSinceEpoch: earliest)
    }

    /// How long to wait from `now` before the next call.
    func delay(at now: Timestamp) -> Duration {
        .microseconds(nextCall(at: now).microsecondsSinceEpoch - now.microsecondsSinceEpoch)
    }

    /// Counts a call made at `now`.
    mutating func recordCall(at now: Timestamp) {
        let time = now.microsecondsSinceEpoch
        lastCall = time
        let stale = callsToday.prefix { $0 <= time - Self.day }.count
        callsToday.removeFirst(stale)
        callsToday.append(time)
        if callsToday.count > budget.perDay {
            callsToday.removeFirst(callsToday.count - budget.perDay)
        }
    }

    /// Takes in the rate-limit headers of an answer received at `now`. A reset or retry more
    /// than a day away is taken as a day.
    mutating func observe(_ report: RateLimitReport, at now: Timestamp) {
        let time = now.microsecondsSinceEpoch
        var hold: Int64 = 0
        for window in [report.minute, report.day].compactMap(\.self) where window.remaining <= 0 {
            hold = max(hold, window.reset * Self.microsecondsPerSecond)
        }
        if let retryAfter = report.retryAfter {
            hold = max(hold, time + Int64(retryAfter) * Self.microsecondsPerSecond)
        }
        heldUntil = max(heldUntil, min(hold, time + Self.day))
    }
}
