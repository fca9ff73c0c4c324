/// A channel a contact consents to marketing on.
public enum ConsentChannel: String, Sendable, Hashable, CaseIterable {
    /// Email marketing, the `email_consent` field.
    case email
    /// SMS marketing, the `sms_consent` field.
    case sms

    /// The contact field holding this channel's consent: `email_consent` or `sms_consent`.
    public var field: String {
        rawValue + "_consent"
    }
}
