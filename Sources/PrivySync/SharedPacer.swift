import PrivyDomain
import Synchronization

/// The ``Pacer`` shared by every call in flight: each call takes the next free slot under a
/// lock, so concurrent calls are spread as evenly as one at a time would be.
final class SharedPacer: Sendable {
    private let pacer: Mutex<Pacer>

    init(budget: SyncBudget) {
        pacer = Mutex(Pacer(budget: budget))
    }

    /// Takes the next slot for a call and counts the call at it.
    /// - Returns: how long to wait from `now` until that slot.
    func reserve(at now: Timestamp) -> Duration {
        pacer.withLock { pacer in
            let slot = pacer.nextCall(at: now)
            pacer.recordCall(at: slot)
            return .microseconds(slot.microsecondsSinceEpoch - now.microsecondsSinceEpoch)
        }
    }

    /// Takes in the rate-limit headers of an answer received at `now`.
    func observe(_ report: RateLimitReport, at now: Timestamp) {
        pacer.withLock { $0.observe(report, at: now) }
    }
}
