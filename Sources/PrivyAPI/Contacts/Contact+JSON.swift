import PrivyDomain
import PrivyJSON
import PrivyStore

extension ContactDraft {
    /// Reads a `POST /v1/contacts` body.
    /// - Throws: 400 for wrong JSON types, 422 for nested custom fields.
    init(json object: JSONObject) throws {
        var fields = BodyFields(object)
        self.init(
            firstName: fields.string("first_name").valueOrNil,
            lastName: fields.string("last_name").valueOrNil,
            email: fields.string("email").valueOrNil,
            phoneNumber: fields.string("phone_number").valueOrNil,
            tags: fields.strings("tags").valueOrNil ?? [],
            customFields: fields.customFields("custom_fields").valueOrNil ?? [:],
            emailConsent: fields.string("email_consent").valueOrNil,
            smsConsent: fields.string("sms_consent").valueOrNil,
            sendWelcomeSMS: fields.bool("send_welcome_sms") ?? true
        )
        try fields.finish()
    }
}

extension ContactPatch {
    /// Reads a `PATCH /v1/contacts/{id}` body.
    /// - Throws: 400 for wrong JSON types, 422 for nested custom fields.
    init(json object: JSONObject) throws {
        var fields = BodyFields(object)
        self.init(
            firstName: fields.string("first_name"),
            lastName: fields.string("last_name"),
            email: fields.string("email"),
            phoneNumber: fields.string("phone_number"),
            tags: fields.strings("tags"),
            customFields: fields.customFields("custom_fields"),
            emailConsent: fields.string("email_consent"),
            smsConsent: fields.string("sms_consent"),
            sendWelcomeSMS: fields.bool("send_welcome_sms") ?? true
        )
        try fields.finish()
    }
}

extension JSONWriter {
    /// Writes a contact as the API shows it, with its order figures.
    mutating func contact(_ contact: Contact, stats: OrderStats?) {
        beginObject()
        key("id"); string(contact.id.rawValue)
        key("first_name"); optionalString(contact.firstName)
        key("last_name"); optionalString(contact.lastName)
        key("email"); optionalString(contact.email?.rawValue)
        key("email_consent"); string(contact.emailConsent.rawValue)
        key("email_consent_updated_at"); optionalString(contact.emailConsentUpdatedAt?.rfc3339)
        key("phone_number"); optionalString(contact.phoneNumber?.rawValue)
        key("sms_consent"); string(contact.smsConsent.rawValue)
        key("sms_consent_updated_at"); optionalString(contact.smsConsentUpdatedAt?.rfc3339)
        key("tags")
        beginArray()
        for tag in contact.tags { string(tag) }
        endArray()
        key("custom_fields")
        beginObject()
        for entry in contact.customFields {
            key(entry.key)
            switch entry.value {
            case .string(let text): string(text)
            case .number(let text): number(JSONNumber(text)!)
            case .bool(let flag): bool(flag)
            case .null: null()
            }
        }
        endObject()
        key("order_stats"); orderStats(stats ?? .empty)
        key("created_at"); string(contact.createdAt.rfc3339)
        key("updated_at"); string(contact.updatedAt.rfc3339)
        endObject()
    }

    /// Writes a consent audit event.
    mutating func consentEvent(_ audited: AuditedConsentEvent) {
        beginObject()
        key("channel"); string(audited.event.channel.rawValue)
        key("from"); string(audited.event.from)
        key("to"); string(audited.event.to)
        key("source"); string(audited.source.rawValue)
        key("request_id"); optionalString(audited.requestID)
        key("token_id"); optionalString(audited.tokenID)
        key("client_ip"); optionalString(audited.clientIP)
        key("at"); string(audited.at.rfc3339)
        endObject()
    }

    /// Writes a string or `null`.
    mutating func optionalString(_ value: String?) {
        if let value { string(value) } else { null() }
    }
}
