import Synchronization

/// Running totals every connection adds to, for the progress line.
final class LiveCounters: Sendable {
    private let responses = Atomic<Int>(0)
    private let failures = Atomic<Int>(0)

    /// Counts a response inside the measured window; `failed` for a non-2xx answer.
    func countResponse(failed: Bool) {
        responses.add(1, ordering: .relaxed)
        if failed { failures.add(1, ordering: .relaxed) }
    }

    /// Counts a connection error inside the measured window.
    func countConnectionError() {
        failures.add(1, ordering: .relaxed)
    }

    /// Responses and failures so far.
    var snapshot: (responses: Int, failures: Int) {
        (responses.load(ordering: .relaxed), failures.load(ordering: .relaxed))
    }
}
