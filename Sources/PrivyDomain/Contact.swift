/// A contact as stored: the wire fields of the contract plus bookkeeping.
///
/// A `Contact` is a plain record; the rules that keep it valid live in ``ContactRules``, which every
/// write goes through.
public struct Contact: Sendable, Hashable {
    /// The identifier, `cus_…`.
    public var id: ContactID
    /// The creation order: contacts list in increasing `sequence`. A restored contact keeps its own.
    public var sequence: UInt64
    /// `first_name`, at most 255 Unicode scalars.
    public var firstName: String?
    /// `last_name`, at most 255 Unicode scalars.
    public var lastName: String?
    /// `email`; settable only while `nil`.
    public var email: EmailAddress?
    /// `phone_number`; settable only while `nil`.
    public var phoneNumber: PhoneNumber?
    /// `email_consent`.
    public var emailConsent: EmailConsent
    /// `sms_consent`.
    public var smsConsent: SMSConsent
    /// `email_consent_updated_at`: when email consent last changed; `nil` if it never has.
    public var emailConsentUpdatedAt: Timestamp?
    /// `sms_consent_updated_at`: when SMS consent last changed; `nil` if it never has.
    public var smsConsentUpdatedAt: Timestamp?
    /// `tags`: unique, in the order given.
    public var tags: [String]
    /// `custom_fields`.
    public var customFields: CustomFields
    /// `created_at`.
    public var createdAt: Timestamp
    /// `updated_at`: when a wire field last changed.
    public var updatedAt: Timestamp
    /// When the contact was deleted; `nil` while it is live. Deleted contacts are kept so that a later
    /// create can restore them, but they disappear from reads and lists.
    public var deletedAt: Timestamp?

    /// Creates a contact record, as read back from storage.
    ///
    /// - Parameters:
    ///   - id: the identifier.
    ///   - sequence: the creation order.
    ///   - firstName: `first_name`.
    ///   - lastName: `last_name`.
    ///   - email: `email`.
    ///   - phoneNumber: `phone_number`.
    ///   - emailConsent: `email_consent`.
    ///   - smsConsent: `sms_consent`.
    ///   - emailConsentUpdatedAt: when email consent last changed.
    ///   - smsConsentUpdatedAt: when SMS consent last changed.
    ///   - tags: `tags`.
    ///   - customFields: `custom_fields`.
    ///   - createdAt: `created_at`.
    ///   - updatedAt: `updated_at`; defaults to `createdAt`.
    ///   - deletedAt: when the contact was deleted.
    public init(
        id: ContactID,
        sequence: UInt64,
        firstName: String? = nil,
        lastName: String? = nil,
        email: EmailAddress? = nil,
        phoneNumber: PhoneNumber? = nil,
        emailConsent: EmailConsent = .neverSubscribed,
        smsConsent: SMSConsent = .neverSubscribed,
        emailConsentUpdatedAt: Timestamp? = nil,
        smsConsentUpdatedAt: Timestamp? = nil,
        tags: [String] = [],
        customFields: CustomFields = [:],
        createdAt: Timestamp,
        updatedAt: Timestamp? = nil,
        deletedAt: Timestamp? = nil
    ) {
        self.id = id
        self.sequence = sequence
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.phoneNumber = phoneNumber
        self.emailConsent = emailConsent
        self.smsConsent = smsConsent
        self.emailConsentUpdatedAt = emailConsentUpdatedAt
        self.smsConsentUpdatedAt = smsConsentUpdatedAt
        self.tags = tags
        self.customFields = customFields
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.deletedAt = deletedAt
    }

    /// Whether the contact is deleted.
    public var isDeleted: Bool {
        deletedAt != nil
    }

    /// The contact's consent on both channels.
    public var consent: ConsentState {
        ConsentState(email: emailConsent, sms: smsConsent)
    }
}
