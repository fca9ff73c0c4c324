import PrivyDomain

/// A seeded SplitMix64 generator, so tests that draw random values are repeatable.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

/// Instants used across the contact tests: creation, then later writes.
enum Instants {
    static let created = Timestamp(microsecondsSinceEpoch: 1_795_342_530_000_000)
    static let later = Timestamp(microsecondsSinceEpoch: 1_795_342_590_000_000)
}

extension ContactID {
    /// A fixed identifier for tests.
    static let sample: ContactID = {
        var generator = SeededGenerator(seed: 7)
        return ContactID.timeOrdered(at: Instants.created, using: &generator)
    }()
}

extension Result {
    /// The error, or `nil` on success.
    var failure: Failure? {
        if case .failure(let error) = self { error } else { nil }
    }
}

extension Result where Failure == ValidationFailure {
    /// The 422 details, or `nil` on success.
    var details: [FieldError]? {
        failure?.details
    }
}

extension FieldError {
    /// A detail, shortened for tables.
    static func on(_ field: String, _ message: String) -> FieldError {
        FieldError(field: field, message: message)
    }
}
