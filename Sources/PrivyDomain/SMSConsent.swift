/// A contact's SMS marketing consent. Raw values are the wire strings.
public enum SMSConsent: String, Sendable, Hashable, CaseIterable {
    /// The contact confirmed an SMS opt-in. Needs a phone number.
    case subscribed
    /// The contact opted out of SMS. A new contact cannot start here.
    case unsubscribed
    /// No opt-in and no opt-out: the default.
    case neverSubscribed = "never_subscribed"
    /// The merchant collected a single, unconfirmed opt-in. Needs a phone number.
    case singleOptIn = "single_opt_in"
    /// Awaiting the contact's confirmation reply. Read-only: only the ``ConsentSource/upstream``
    /// source may write it.
    case pending

    /// Whether a request may write this value: every value but ``pending``.
    public var isWritable: Bool {
        self != .pending
    }

    /// Whether a contact in this state must have a phone number: ``subscribed`` and ``singleOptIn``.
    public var requiresPhoneNumber: Bool {
        self == .subscribed || self == .singleOptIn
    }
}

extension SMSConsent: ConsentValue {
    static var channel: ConsentChannel { .sms }
}
