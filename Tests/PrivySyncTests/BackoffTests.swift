import Testing

@testable import PrivySync

@Suite("Sync backoff: exponential with full jitter")
struct BackoffTests {
    @Test("the ceiling doubles per failure up to the cap, and resets after a success")
    func ceilingDoubles() {
        var backoff = Backoff(base: .milliseconds(100), cap: .seconds(1))
        var generator = SystemRandomNumberGenerator()
        var ceilings: [Duration] = []
        for _ in 0..<6 {
            ceilings.append(backoff.ceiling)
            _ = backoff.next(using: &generator)
        }
        #expect(ceilings == [.milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(800), .seconds(1), .seconds(1)])
        backoff.reset()
        #expect(backoff.ceiling == .milliseconds(100))
    }

    @Test("every draw lies between zero and the ceiling, and the draws spread over that range")
    func fullJitter() {
        var backoff = Backoff(base: .seconds(1), cap: .seconds(1))
        var generator = SystemRandomNumberGenerator()
        let draws = (0..<500).map { _ in backoff.next(using: &generator) }
        #expect(draws.allSatisfy { $0 >= .zero && $0 <= .seconds(1) })
        #expect(draws.contains { $0 < .milliseconds(250) })
        #expect(draws.contains { $0 > .milliseconds(750) })
    }
}
