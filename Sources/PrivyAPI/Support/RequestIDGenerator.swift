import Synchronization

/// Hands out request ids: `req_` + a per-process random prefix + a counter, so ids are unique
/// across restarts without a random draw per request.
final class RequestIDGenerator: Sendable {
    static let shared = RequestIDGenerator()

    private let prefix: String
    private let counter = Atomic<UInt64>(0)

    private init() {
        var generator = SystemRandomNumberGenerator()
        prefix = "req_" + String(generator.next() & 0xFFFF_FFFF, radix: 16)
    }

    func next() -> String {
        let value = counter.wrappingAdd(1, ordering: .relaxed).newValue
        return prefix + "_" + String(value, radix: 16)
    }
}
