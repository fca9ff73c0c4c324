/// The body of a contact update (`PATCH /v1/contacts/{id}`), as received and not yet validated.
///
/// Every field distinguishes an absent key (leave it), `null` (clear it) and a value (set it).
/// Fields whose rules can fail with a 422 carry the wire text, as in ``ContactDraft``.
/// `null` clears names, tags (to `[]`) and custom fields (to `{}`); for `email` and `phone_number`
/// it is a change like any other (allowed only while already `null`); for a consent it is not a
/// valid value.
public struct ContactPatch: Sendable, Hashable {
    /// `first_name`.
    public var firstName: PatchValue<String>
    /// `last_name`.
    public var lastName: PatchValue<String>
    /// `email`, untrimmed.
    public var email: PatchValue<String>
    /// `phone_number`.
    public var phoneNumber: PatchValue<String>
    /// `tags`: replace, not merge.
    public var tags: PatchValue<[String]>
    /// `custom_fields`: replace, not merge.
    public var customFields: PatchValue<CustomFields>
    /// `email_consent`, as wire text.
    public var emailConsent: PatchValue<String>
    /// `sms_consent`, as wire text.
    public var smsConsent: PatchValue<String>
    /// `send_welcome_sms`.
    public var sendWelcomeSMS: Bool

    /// Creates a patch; every field is absent unless given.
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
        firstName: PatchValue<String> = .absent,
        lastName: PatchValue<String> = .absent,
        email: PatchValue<String> = .absent,
        phoneNumber: PatchValue<String> = .absent,
        tags: PatchValue<[String]> = .absent,
        customFields: PatchValue<CustomFields> = .absent,
        emailConsent: PatchValue<String> = .absent,
        smsConsent: PatchValue<String> = .absent,
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

    /// The patch that writes every field of `draft` onto a blank record: each field set or cleared,
    /// consent only where the draft gives one.
    init(settingEveryFieldOf draft: ContactDraft) {
        func setting<Value>(_ value: Value?) -> PatchValue<Value> {
            value.map { .value($0) } ?? .null
        }
        self.init(
            firstName: setting(draft.firstName),
            lastName: setting(draft.lastName),
            email: setting(draft.email),
            phoneNumber: setting(draft.phoneNumber),
            tags: .value(draft.tags),
            customFields: .value(draft.customFields),
            emailConsent: draft.emailConsent.map { .value($0) } ?? .absent,
            smsConsent: draft.smsConsent.map { .value($0) } ?? .absent,
            sendWelcomeSMS: draft.sendWelcomeSMS
        )
    }
}
