/// A contact's email marketing consent. Raw values are the wire strings.
public enum EmailConsent: String, Sendable, Hashable, CaseIterable {
    /// The contact opted into email.
    case subscribed
    /// The contact opted out of email.
    case unsubscribed
    /// No opt-in and no opt-out: the default.
    case neverSubscribed = "never_subscribed"
    /// Suppressed by the merchant. Writable; writing any email consent to a suppressed contact
    /// unsuppresses it first.
    case suppressed
    /// Suppressed by the system for compliance. Read-only: no request may write it or change the
    /// consent of a contact in this state, except through the ``ConsentSource/upstream`` source.
    case complianceSuppressed = "compliance_suppressed"

    /// Whether a request may write this value: every value but ``complianceSuppressed``.
    public var isWritable: Bool {
        self != .complianceSuppressed
    }
}

extension EmailConsent: ConsentValue {
    static var channel: ConsentChannel { .email }
}
