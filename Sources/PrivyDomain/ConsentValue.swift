/// A consent value of one channel: the common shape of ``EmailConsent`` and ``SMSConsent``
/// that lets the consent engine and the contact rules treat both channels with one piece of code.
protocol ConsentValue: RawRepresentable<String>, CaseIterable, Sendable, Hashable {
    /// The channel these values belong to.
    static var channel: ConsentChannel { get }

    /// Whether a request may write this value (system states are read-only).
    var isWritable: Bool { get }
}

extension ConsentValue {
    /// The 422 message for text that names no writable value of the channel,
    /// for example `must be one of: subscribed, unsubscribed, never_subscribed, suppressed`.
    static var unknownValueMessage: String {
        "must be one of: " + allCases.filter(\.isWritable).map(\.rawValue).joined(separator: ", ")
    }
}
