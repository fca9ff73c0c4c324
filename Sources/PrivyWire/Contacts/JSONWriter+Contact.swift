public import PrivyDomain
public import PrivyJSON

extension JSONWriter {
    /// Writes a contact as the API answers it, with its order figures.
    /// - Parameters:
    ///   - contact: the contact.
    ///   - stats: its order figures; `nil` for a contact without orders.
    public mutating func contact(_ contact: Contact, stats: OrderStats?) {
        beginObject()
        key("id"); string(contact.id.rawValue)
        member(.firstName, of: contact)
        member(.lastName, of: contact)
        member(.email, of: contact)
        member(.emailConsent, of: contact)
        key("email_consent_updated_at"); optionalString(contact.emailConsentUpdatedAt?.rfc3339)
        member(.phoneNumber, of: contact)
        member(.smsConsent, of: contact)
        key("sms_consent_updated_at"); optionalString(contact.smsConsentUpdatedAt?.rfc3339)
        member(.tags, of: contact)
        member(.customFields, of: contact)
        key("order_stats"); orderStats(stats ?? .empty)
        key("created_at"); string(contact.createdAt.rfc3339)
        key("updated_at"); string(contact.updatedAt.rfc3339)
        endObject()
    }

    /// Writes one wire field of a contact, key and value, inside an open object: the one place
    /// a contact's fields are written, for the API's answers and the upstream's bodies alike.
    /// - Parameters:
    ///   - field: a single field; ``ContactFields/deleted``, which has no wire form, writes nothing.
    ///   - contact: the contact.
    public mutating func member(_ field: ContactFields, of contact: Contact) {
        switch field {
        case .firstName: key("first_name"); optionalString(contact.firstName)
        case .lastName: key("last_name"); optionalString(contact.lastName)
        case .email: key("email"); optionalString(contact.email?.rawValue)
        case .phoneNumber: key("phone_number"); optionalString(contact.phoneNumber?.rawValue)
        case .emailConsent: key("email_consent"); string(contact.emailConsent.rawValue)
        case .smsConsent: key("sms_consent"); string(contact.smsConsent.rawValue)
        case .tags:
            key("tags")
            beginArray()
            for tag in contact.tags { string(tag) }
            endArray()
        case .customFields:
            key("custom_fields")
            customFields(contact.customFields)
        default: return
        }
    }

    /// Writes custom fields as a flat object. A number is stored as its validated JSON text, so
    /// it always reads back; one that does not (a damaged record) is written as `null` rather
    /// than as a different number.
    private mutating func customFields(_ fields: CustomFields) {
        beginObject()
        for entry in fields {
            key(entry.key)
            switch entry.value {
            case .string(let text): string(text)
            case .number(let text): if let number = JSONNumber(text) { self.number(number) } else { null() }
            case .bool(let flag): bool(flag)
            case .null: null()
            }
        }
        endObject()
    }
}
