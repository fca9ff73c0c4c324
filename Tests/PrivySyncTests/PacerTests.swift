import PrivyDomain
import Testing

@testable import PrivySync

@Suite("Sync pacer: budget, rate-limit headers and Retry-After")
struct PacerTests {
    private static let start = Timestamp(microsecondsSinceEpoch: 1_800_000_000_000_000)

    private func at(_ seconds: Double) -> Timestamp {
        Timestamp(microsecondsSinceEpoch: Self.start.microsecondsSinceEpoch + Int64(seconds * 1_000_000))
    }

    @Test("the minute budget spreads calls evenly")
    func minuteSpacing() {
        var pacer = Pacer(budget: SyncBudget(perMinute: 60))
        #expect(pacer.nextCall(at: at(0)) == at(0))
        pacer.recordCall(at: at(0))
        #expect(pacer.nextCall(at: at(0.2)) == at(1))
        #expect(pacer.nextCall(at: at(3)) == at(3))
    }

    @Test("the day budget caps calls in any 24 hours")
    func dayCap() {
        var pacer = Pacer(budget: SyncBudget(perMinute: 60_000, perDay: 3))
        for second in [0.0, 10, 20] { pacer.recordCall(at: at(second)) }
        #expect(pacer.nextCall(at: at(30)) == at(86_400))
        pacer.recordCall(at: at(86_400))
        #expect(pacer.nextCall(at: at(86_400)) == at(86_410))
    }

    @Test("an exhausted window holds calls until its reset; remaining calls do not")
    func headers() {
        var pacer = Pacer(budget: SyncBudget(perMinute: 60_000))
        let reset = Self.start.microsecondsSinceEpoch / 1_000_000 + 5
        pacer.observe(RateLimitReport(minute: .init(remaining: 3, reset: reset)), at: at(0))
        #expect(pacer.nextCall(at: at(0)) == at(0))
        pacer.observe(RateLimitReport(minute: .init(remaining: 0, reset: reset)), at: at(0))
        #expect(pacer.nextCall(at: at(1)) == at(5))
        pacer.observe(RateLimitReport(day: .init(remaining: 0, reset: reset + 100)), at: at(1))
        #expect(pacer.nextCall(at: at(1)) == at(105))
    }

    @Test("Retry-After holds calls for that many seconds; an absurd wait is cut to a day")
    func retryAfter() {
        var pacer = Pacer(budget: SyncBudget(perMinute: 60_000))
        pacer.observe(RateLimitReport(retryAfter: 7), at: at(2))
        #expect(pacer.nextCall(at: at(3)) == at(9))
        #expect(pacer.delay(at: at(3)) == .seconds(6))
        var patient = Pacer(budget: SyncBudget(perMinute: 60_000))
        patient.observe(RateLimitReport(retryAfter: 10_000_000), at: at(0))
        #expect(patient.nextCall(at: at(0)) == at(86_400))
    }
}
