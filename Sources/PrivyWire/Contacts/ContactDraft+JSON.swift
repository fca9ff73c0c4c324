public import PrivyDomain
public import PrivyJSON

extension ContactDraft {
    /// Reads a `POST /v1/contacts` body.
    /// - Parameter object: the body.
    /// - Throws: ``WrongFieldTypes`` for fields of the wrong JSON type, `ValidationFailure` for
    ///   nested custom fields.
    public init(json object: JSONObject) throws {
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
    /// - Parameter object: the body.
    /// - Throws: ``WrongFieldTypes`` for fields of the wrong JSON type, `ValidationFailure` for
    ///   nested custom fields.
    public init(json object: JSONObject) throws {
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
