/// The body of a contact create (`POST /v1/contacts`), as received and not yet validated.
///
/// Fields whose rules can fail with a 422 (email, phone, consent) carry the wire text, so that
/// ``ContactRules`` reports every broken rule of the request in one ``ValidationFailure``. An absent
/// key and JSON `null` mean the same here: no value.
public struct ContactDraft: Sendable, Hashable {
    /// `first_name`.
    public var firstName: String?
    /// `last_name`.
    public var lastName: String?
    /// `email`, untrimmed.
    public var email: String?
    /// `phone_number`.
    public var phoneNumber: String?
    /// `tags`, before de-duplication.
    public var tags: [String]
    /// `custom_fields`.
    public var customFields: CustomFields
    /// `email_consent`; `nil` leaves it at `never_subscribed` (or, on a restore, at the stored value).
    public var emailConsent: String?
    /// `sms_consent`; `nil` leaves it at `never_subscribed` (or, on a restore, at the stored value).
    public var smsConsent: String?
    /// `send_welcome_sms`.
    public var sendWelcomeSMS: Bool

    /// Creates a draft.
    ///
    /// - Parameters:
    ///   - firstName: `first_name`.
    ///   - lastName: `last_name`.
    ///   - email: `email`, untrimmed.
    ///   - phoneNumber: `phone_number`.
    ///   - tags: `tags`.
    ///   - customFields: `custom_fields`.
    ///   - emailConsent: `email_consent`, as wire text.
    ///   - smsConsent: `sms_consent`, as wire text.
    ///   - sendWelcomeSMS: `send_welcome_sms`, `true` by default as on the wire.
    public init(
        firstName: String? = nil,
        lastName: String? = nil,
        email: String? = nil,
        phoneNumber: String? = nil,
        tags: [String] = [],
        customFields: CustomFields = [:],
        emailConsent: String? = nil,
        smsConsent: String? = nil,
        sendWelcomeSMS: Bool = true
    ) {
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.phoneNumber = phoneNumber
        self.tags = tags
        self.customFields = customFields
        self.emailConsent = emailConsent
        self.smsConsent = smsConsent
        self.sendWelcomeSMS = sendWelcomeSMS
    }
}
