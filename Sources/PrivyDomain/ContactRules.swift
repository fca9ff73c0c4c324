/// The contact write rules of the contract, as pure functions from a request to a new record.
///
/// Every write validates the whole request first and reports every broken rule in one
/// ``ValidationFailure``, whose details follow the wire field order: `base`, `first_name`, `last_name`,
/// `email`, `phone_number`, `tags[i]`, `tags`, `custom_fields`, `custom_fields.<key>`, `email_consent`,
/// `sms_consent`. A failed write applies nothing. A valid one returns the new record with its consent
/// events, side effects and the exact set of changed wire fields.
///
/// The rules:
/// - A contact whose email consent is `compliance_suppressed` takes no write at all, not even one
///   that would change nothing (`base`: `cannot be changed while email consent is compliance_suppressed`),
///   unless the source is ``ConsentSource/upstream``: the seed's "Any write to a compliance-suppressed
///   contact returns 422". This covers updates, restores and deletes; the consent engine still
///   reports a consent write on its own field.
/// - The contact must end up with an email or a phone number (`base`: `email or phone_number is required`).
///   An invalid email or phone counts as given, so the mistake is reported once, on its own field.
/// - `email` is trimmed and must be a valid ``EmailAddress``; `phone_number` must be a valid
///   ``PhoneNumber``. Once set, neither can change: writing another value or `null` fails with
///   `cannot be changed once set`; writing the same value (emails compared case-insensitively) is a
///   no-op that keeps the stored spelling.
/// - `first_name` and `last_name`: at most ``maximumNameLength`` Unicode scalars.
/// - `tags`: each 1 to ``maximumTagLength`` Unicode scalars; duplicates (by Swift string equality) are
///   dropped keeping the first; at most ``maximumTagCount`` once de-duplicated. Tags and custom fields
///   replace the stored ones, never merge; `null` clears them.
/// - `custom_fields`: the limits of ``CustomFields``.
/// - `email_consent`/`sms_consent`: text that names no value fails with `must be one of: …` (the channel's
///   writable values), as does `null` in a patch; known values go through ``ConsentEngine``, with `hasPhone`
///   judged on the contact as the whole request leaves it.
///
/// Timestamps: `updated_at` becomes `now` only when a wire field changed; `email_consent_updated_at` and
/// `sms_consent_updated_at` become `now` only when that channel's consent changed.
public enum ContactRules {
    /// The longest `first_name` or `last_name`, in Unicode scalars.
    public static let maximumNameLength = 255
    /// The most tags a contact may have.
    public static let maximumTagCount = 100
    /// The longest tag, in Unicode scalars.
    public static let maximumTagLength = 255

    /// Creates a contact (`POST /v1/contacts`).
    ///
    /// The new contact starts blank, with `never_subscribed` on both channels, and takes every field of
    /// the draft. `created_at` and `updated_at` are `now`. The consent engine runs as a create.
    ///
    /// - Parameters:
    ///   - draft: the request body.
    ///   - id: the new contact's identifier.
    ///   - sequence: the new contact's creation order.
    ///   - now: the time of the write.
    ///   - source: where the write comes from (``ConsentSource/api`` for the endpoint).
    /// - Returns: the new contact with its events, effects and changed fields, or every broken rule.
    public static func create(
        _ draft: ContactDraft,
        id: ContactID,
        sequence: UInt64,
        now: Timestamp,
        source: ConsentSource
    ) -> Result<ContactWriteOutcome, ValidationFailure> {
        let blank = Contact(id: id, sequence: sequence, createdAt: now)
        return write(ContactPatch(settingEveryFieldOf: draft), onto: blank, before: blank, isCreate: true, now: now, source: source)
    }

    /// Restores a deleted contact that a create matched, with the create's data.
    ///
    /// The restore is a create on the same record: the contact keeps its `id`, `sequence` and `created_at`;
    /// every other wire field but consent is taken from the draft, as a create would (an omitted field is
    /// cleared, email and phone may differ from the deleted record's).
    ///
    /// Consent is the exception: it starts from the *stored* consent, and the draft's consent values are
    /// written over it, with the consent engine running as a create. A consent the draft omits therefore
    /// keeps its stored value. Deleting and re-creating a contact can thus not launder a
    /// `compliance_suppressed`, `suppressed` or `unsubscribed` state, events continue the stored history,
    /// and a contact that was already SMS-subscribed is not sent a second welcome SMS.
    ///
    /// `changedFields` includes ``ContactFields/deleted`` and every field whose value differs from the
    /// deleted record.
    ///
    /// - Parameters:
    ///   - deleted: the deleted contact.
    ///   - draft: the create's request body.
    ///   - now: the time of the write.
    ///   - source: where the write comes from.
    /// - Returns: the live contact with its events, effects and changed fields, or every broken rule.
    public static func restore(
        _ deleted: Contact,
        with draft: ContactDraft,
        now: Timestamp,
        source: ConsentSource
    ) -> Result<ContactWriteOutcome, ValidationFailure> {
        let cleared = Contact(
            id: deleted.id,
            sequence: deleted.sequence,
            emailConsent: deleted.emailConsent,
            smsConsent: deleted.smsConsent,
            emailConsentUpdatedAt: deleted.emailConsentUpdatedAt,
            smsConsentUpdatedAt: deleted.smsConsentUpdatedAt,
            createdAt: deleted.createdAt,
            updatedAt: deleted.updatedAt
        )
        return write(ContactPatch(settingEveryFieldOf: draft), onto: cleared, before: deleted, isCreate: true, now: now, source: source)
    }

    /// Updates a contact (`PATCH /v1/contacts/{id}` and every other change to a live contact).
    ///
    /// Absent fields are kept; the consent engine runs as an update. A patch that changes nothing
    /// succeeds with no events and an empty `changedFields`, leaving `updated_at` alone.
    ///
    /// - Parameters:
    ///   - contact: the live contact.
    ///   - patch: the request body.
    ///   - now: the time of the write.
    ///   - source: where the write comes from.
    /// - Returns: the updated contact with its events, effects and changed fields, or every broken rule.
    public static func update(
        _ contact: Contact,
        with patch: ContactPatch,
        now: Timestamp,
        source: ConsentSource
    ) -> Result<ContactWriteOutcome, ValidationFailure> {
        write(patch, onto: contact, before: contact, isCreate: false, now: now, source: source)
    }

    /// Deletes a contact: sets `deletedAt` and `updated_at` to `now`, keeping the record for a later restore.
    ///
    /// Deleting a deleted contact changes nothing.
    ///
    /// - Parameters:
    ///   - contact: the contact to delete.
    ///   - now: the time of the delete.
    ///   - source: the write path; only the system may delete a compliance-suppressed contact.
    /// - Returns: the deleted contact, with ``ContactFields/deleted`` as its changed fields (none if it
    ///   was already deleted), or the compliance-suppression refusal.
    public static func delete(_ contact: Contact, now: Timestamp, source: ConsentSource) -> Result<ContactWriteOutcome, ValidationFailure> {
        if let refusal = complianceRefusal(of: contact, source: source) {
            return .failure(ValidationFailure(details: [refusal]))
        }
        var deleted = contact
        if !contact.isDeleted {
            deleted.deletedAt = now
            deleted.updatedAt = now
        }
        return .success(ContactWriteOutcome(
            contact: deleted,
            events: [],
            effects: [],
            changedFields: ContactFields(changedFrom: contact, to: deleted)
        ))
    }

    /// The seed's "Any write to a compliance-suppressed contact returns 422": the broken rule
    /// when `contact` is compliance-suppressed and the write does not come from the system.
    private static func complianceRefusal(of contact: Contact, source: ConsentSource) -> FieldError? {
        guard contact.emailConsent == .complianceSuppressed, !source.isSystem else { return nil }
        return FieldError(field: "base", message: "cannot be changed while email consent is compliance_suppressed")
    }

    /// Applies `patch` to `base` and compares the result with `before` (which differs from `base` only
    /// for a restore).
    private static func write(
        _ patch: ContactPatch,
        onto base: Contact,
        before: Contact,
        isCreate: Bool,
        now: Timestamp,
        source: ConsentSource
    ) -> Result<ContactWriteOutcome, ValidationFailure> {
        var errors: [FieldError] = []
        if let refusal = complianceRefusal(of: before, source: source) {
            errors.append(refusal)
        }
        let hasPhone = base.phoneNumber != nil || patch.phoneNumber.hasValue
        if base.email == nil, !patch.email.hasValue, !hasPhone {
            errors.append(FieldError(field: "base", message: "email or phone_number is required"))
        }
        var after = base
        after.firstName = patch.firstName.applied(to: base.firstName, clearing: nil) {
            validatedName($0, field: "first_name", errors: &errors)
        }
        after.lastName = patch.lastName.applied(to: base.lastName, clearing: nil) {
            validatedName($0, field: "last_name", errors: &errors)
        }
        after.email = identity(patch.email, current: base.email, field: "email", errors: &errors)
        after.phoneNumber = identity(patch.phoneNumber, current: base.phoneNumber, field: "phone_number", errors: &errors)
        after.tags = patch.tags.applied(to: base.tags, clearing: []) { validatedTags($0, errors: &errors) }
        after.customFields = patch.customFields.applied(to: base.customFields, clearing: [:]) { fields in
            errors += fields.violations(field: "custom_fields")
            return fields
        }
        var consentErrors: [FieldError] = []
        let emailConsent: EmailConsent? = requestedConsent(patch.emailConsent, errors: &consentErrors)
        let smsConsent: SMSConsent? = requestedConsent(patch.smsConsent, errors: &consentErrors)
        let consent = ConsentEngine.apply(
            ConsentRequest(email: emailConsent, sms: smsConsent, sendWelcomeSMS: patch.sendWelcomeSMS),
            to: base.consent,
            context: ConsentContext(isCreate: isCreate, hasPhone: hasPhone, source: source)
        )
        if case .failure(let failure) = consent {
            consentErrors += failure.details
        }
        errors += ConsentChannel.allCases.flatMap { channel in consentErrors.filter { $0.field == channel.field } }
        guard case .success(let transition) = consent, errors.isEmpty else {
            return .failure(ValidationFailure(details: errors))
        }
        after.emailConsent = transition.state.email
        after.smsConsent = transition.state.sms
        if after.emailConsent != before.emailConsent {
            after.emailConsentUpdatedAt = now
        }
        if after.smsConsent != before.smsConsent {
            after.smsConsentUpdatedAt = now
        }
        let changedFields = ContactFields(changedFrom: before, to: after)
        if !changedFields.isEmpty {
            after.updatedAt = now
        }
        return .success(
            ContactWriteOutcome(
                contact: after,
                events: transition.events,
                effects: transition.effects,
                changedFields: changedFields
            )
        )
    }

    private static func validatedName(_ name: String, field: String, errors: inout [FieldError]) -> String {
        if name.unicodeScalars.count > maximumNameLength {
            errors.append(.tooLong(field, maximum: maximumNameLength, unit: "characters"))
        }
        return name
    }

    /// The tags without duplicates, reporting each invalid tag on `tags[i]` and too many tags on `tags`.
    private static func validatedTags(_ tags: [String], errors: inout [FieldError]) -> [String] {
        var seen: Set<String> = []
        var unique: [String] = []
        for (index, tag) in tags.enumerated() {
            switch tag.unicodeScalars.count {
            case 0:
                errors.append(FieldError(field: "tags[\(index)]", message: "can't be blank"))
            case ...maximumTagLength:
                if seen.insert(tag).inserted {
                    unique.append(tag)
                }
            default:
                errors.append(.tooLong("tags[\(index)]", maximum: maximumTagLength, unit: "characters"))
            }
        }
        if unique.count > maximumTagCount {
            errors.append(FieldError(field: "tags", message: "must have at most \(maximumTagCount) tags"))
        }
        return unique
    }

    /// An email or phone once the patch is applied: settable while unset, then fixed.
    private static func identity<Value: ContactIdentity>(
        _ patch: PatchValue<String>,
        current: Value?,
        field: String,
        errors: inout [FieldError]
    ) -> Value? {
        switch patch {
        case .absent:
            return current
        case .null:
            if current != nil {
                errors.append(FieldError(field: field, message: "cannot be changed once set"))
            }
            return current
        case .value(let text):
            guard let value = Value(validating: text) else {
                errors.append(FieldError(field: field, message: Value.invalidMessage))
                return current
            }
            guard let current else { return value }
            if current.matchKey != value.matchKey {
                errors.append(FieldError(field: field, message: "cannot be changed once set"))
            }
            return current
        }
    }

    /// The consent value a patch asks for, or `nil` when it asks for none or for an unknown one
    /// (reported on the channel's field).
    private static func requestedConsent<Value: ConsentValue>(
        _ patch: PatchValue<String>,
        errors: inout [FieldError]
    ) -> Value? {
        switch patch {
        case .absent:
            return nil
        case .value(let text) where Value(rawValue: text) != nil:
            return Value(rawValue: text)
        case .null, .value:
            errors.append(FieldError(field: Value.channel.field, message: Value.unknownValueMessage))
            return nil
        }
    }
}
