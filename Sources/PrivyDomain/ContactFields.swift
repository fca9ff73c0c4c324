/// A set of a contact's wire fields: the ones a write changed, which the sync exporter sends upstream.
public struct ContactFields: OptionSet, Sendable, Hashable {
    /// The bits of the set.
    public let rawValue: UInt16

    /// Creates a set from its bits.
    ///
    /// - Parameters:
    ///   - rawValue: the bits, one per field.
    public init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    /// `first_name`.
    public static let firstName = ContactFields(rawValue: 1 << 0)
    /// `last_name`.
    public static let lastName = ContactFields(rawValue: 1 << 1)
    /// `email`.
    public static let email = ContactFields(rawValue: 1 << 2)
    /// `phone_number`.
    public static let phoneNumber = ContactFields(rawValue: 1 << 3)
    /// `email_consent`.
    public static let emailConsent = ContactFields(rawValue: 1 << 4)
    /// `sms_consent`.
    public static let smsConsent = ContactFields(rawValue: 1 << 5)
    /// `tags`.
    public static let tags = ContactFields(rawValue: 1 << 6)
    /// `custom_fields`.
    public static let customFields = ContactFields(rawValue: 1 << 7)
    /// Whether the contact is deleted: set by a delete and by a restore.
    public static let deleted = ContactFields(rawValue: 1 << 8)

    /// The fields whose values differ between two versions of a contact.
    ///
    /// Emails compare as stored, so a change of letter case alone would count; the contact rules never
    /// make one. Custom fields compare as JSON objects, without regard to key order.
    ///
    /// - Parameters:
    ///   - before: the contact before the write.
    ///   - after: the contact after the write.
    public init(changedFrom before: Contact, to after: Contact) {
        var changed: ContactFields = []
        func compare(_ field: ContactFields, _ value: KeyPath<Contact, some Equatable>) {
            if before[keyPath: value] != after[keyPath: value] {
                changed.insert(field)
            }
        }
        compare(.firstName, \.firstName)
        compare(.lastName, \.lastName)
        compare(.email, \.email)
        compare(.phoneNumber, \.phoneNumber)
        compare(.emailConsent, \.emailConsent)
        compare(.smsConsent, \.smsConsent)
        compare(.tags, \.tags)
        compare(.customFields, \.customFields)
        compare(.deleted, \.isDeleted)
        self = changed
    }
}
