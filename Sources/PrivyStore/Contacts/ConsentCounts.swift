public import PrivyDomain

/// How many live contacts are in each consent state, per channel: exact, from the counters
/// kept with the records.
public struct ConsentCounts: Sendable, Hashable {
    /// Live contacts by email consent; every state is present (0 when none).
    public var email: [EmailConsent: Int]
    /// Live contacts by SMS consent; every state is present (0 when none).
    public var sms: [SMSConsent: Int]

    /// Live contacts in all.
    public var total: Int {
        email.values.reduce(0, +)
    }
}
