import PrivyDomain
import PrivyJSON

/// The JSON body of a contact call: chosen wire fields of a contact with their current local
/// values, and `"send_welcome_sms": false` when SMS consent goes to `subscribed` without the
/// local change having asked for a welcome SMS.
struct ContactBody: Sendable, Hashable {
    /// The fields a body can carry, in wire order.
    private static let wireFields: ContactFields = [.firstName, .lastName, .email, .phoneNumber, .tags, .customFields, .emailConsent, .smsConsent]

    /// The contact the values come from.
    let contact: Contact
    /// The fields sent.
    let fields: ContactFields
    /// Whether the body says `"send_welcome_sms": false`.
    let declinesWelcomeSMS: Bool

    /// A body with `fields` of `contact`, less what the wire cannot carry: the deleted mark, and
    /// read-only consent values (`compliance_suppressed`, `pending`), which only the upstream sets.
    /// - Parameter welcomeSMS: whether the local transition into SMS `subscribed` recorded a
    ///   welcome SMS; if not, the body declines it.
    init(_ contact: Contact, fields: ContactFields, welcomeSMS: Bool) {
        var sent = fields.intersection(Self.wireFields)
        if !contact.emailConsent.isWritable { sent.remove(.emailConsent) }
        if !contact.smsConsent.isWritable { sent.remove(.smsConsent) }
        self.contact = contact
        self.fields = sent
        declinesWelcomeSMS = sent.contains(.smsConsent) && contact.smsConsent == .subscribed && !welcomeSMS
    }

    /// Whether there is nothing to send.
    var isEmpty: Bool {
        fields.isEmpty
    }

    /// Whether the body lowers consent: email `unsubscribed` or `suppressed`, SMS `unsubscribed`.
    var isConsentDowngrade: Bool {
        (fields.contains(.emailConsent) && [.unsubscribed, .suppressed].contains(contact.emailConsent))
            || (fields.contains(.smsConsent) && contact.smsConsent == .unsubscribed)
    }

    /// The JSON object.
    var json: [UInt8] {
        var writer = JSONWriter()
        writer.beginObject()
        if fields.contains(.firstName) { writer.key("first_name"); writer.optionalString(contact.firstName) }
        if fields.contains(.lastName) { writer.key("last_name"); writer.optionalString(contact.lastName) }
        if fields.contains(.email) { writer.key("email"); writer.optionalString(contact.email?.rawValue) }
        if fields.contains(.phoneNumber) { writer.key("phone_number"); writer.optionalString(contact.phoneNumber?.rawValue) }
        if fields.contains(.tags) {
            writer.key("tags")
            writer.beginArray()
            for tag in contact.tags { writer.string(tag) }
            writer.endArray()
        }
        if fields.contains(.customFields) { writer.key("custom_fields"); writer.customFields(contact.customFields) }
        if fields.contains(.emailConsent) { writer.key("email_consent"); writer.string(contact.emailConsent.rawValue) }
        if fields.contains(.smsConsent) { writer.key("sms_consent"); writer.string(contact.smsConsent.rawValue) }
        if declinesWelcomeSMS { writer.key("send_welcome_sms"); writer.bool(false) }
        writer.endObject()
        return writer.bytes
    }
}

extension JSONWriter {
    fileprivate mutating func optionalString(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    fileprivate mutating func customFields(_ fields: CustomFields) {
        beginObject()
        for entry in fields {
            key(entry.key)
            switch entry.value {
            case .string(let text): string(text)
            case .number(let text): number(JSONNumber(text) ?? JSONNumber(0))
            case .bool(let flag): bool(flag)
            case .null: null()
            }
        }
        endObject()
    }
}
