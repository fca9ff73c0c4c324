import PrivyDomain
import PrivyJSON
import PrivyWire

/// The JSON body of a contact call: chosen wire fields of a contact with their current local
/// values, and `"send_welcome_sms": false` when SMS consent goes to `subscribed` without the
/// local change having asked for a welcome SMS.
struct ContactBody: Sendable, Hashable {
    /// The fields a body can carry, in wire order.
    private static let wireOrder: [ContactFields] = [.firstName, .lastName, .email, .phoneNumber, .tags, .customFields, .emailConsent, .smsConsent]
    /// The fields a body can carry.
    private static let wireFields = ContactFields(wireOrder)

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

    /// The JSON object: the fields sent, in wire order, and the welcome SMS declined.
    var json: [UInt8] {
        var writer = JSONWriter()
        writer.beginObject()
        for field in Self.wireOrder where fields.contains(field) {
            writer.member(field, of: contact)
        }
        if declinesWelcomeSMS { writer.key("send_welcome_sms"); writer.bool(false) }
        writer.endObject()
        return writer.bytes
    }
}
