import PrivyDomain
import Testing

@Suite("ContactRules.create")
struct ContactRulesCreateTests {
    static func create(_ draft: ContactDraft, source: ConsentSource = .api) -> Result<ContactWriteOutcome, ValidationFailure> {
        ContactRules.create(draft, id: .sample, sequence: 7, now: Instants.created, source: source)
    }

    @Test("a minimal contact: trimmed email, defaults, and only email changed")
    func minimal() throws {
        let outcome = try Self.create(ContactDraft(email: "  Bob@Example.com ")).get()
        let contact = outcome.contact
        #expect(contact.id == .sample)
        #expect(contact.sequence == 7)
        #expect(contact.email?.rawValue == "Bob@Example.com")
        #expect(contact.phoneNumber == nil)
        #expect(contact.firstName == nil && contact.lastName == nil)
        #expect(contact.tags.isEmpty && contact.customFields.isEmpty)
        #expect(contact.consent == ConsentState(email: .neverSubscribed, sms: .neverSubscribed))
        #expect(contact.emailConsentUpdatedAt == nil && contact.smsConsentUpdatedAt == nil)
        #expect(contact.createdAt == Instants.created && contact.updatedAt == Instants.created)
        #expect(contact.deletedAt == nil)
        #expect(outcome.changedFields == [.email])
        #expect(outcome.events.isEmpty && outcome.effects.isEmpty)
    }

    @Test("every field given: all of them changed, consent timestamped, events and welcome recorded")
    func everyField() throws {
        let draft = ContactDraft(
            firstName: "Ada",
            lastName: "Lovelace",
            email: "ada@example.com",
            phoneNumber: "+15555550123",
            tags: ["vip", "new", "vip"],
            customFields: ["plan": .string("gold"), "visits": .number(text: "3")],
            emailConsent: "subscribed",
            smsConsent: "subscribed"
        )
        let outcome = try Self.create(draft).get()
        let contact = outcome.contact
        #expect(contact.firstName == "Ada" && contact.lastName == "Lovelace")
        #expect(contact.phoneNumber?.rawValue == "+15555550123")
        #expect(contact.tags == ["vip", "new"])
        #expect(contact.customFields.keys == ["plan", "visits"])
        #expect(contact.consent == ConsentState(email: .subscribed, sms: .subscribed))
        #expect(contact.emailConsentUpdatedAt == Instants.created && contact.smsConsentUpdatedAt == Instants.created)
        #expect(
            outcome.changedFields
                == [.firstName, .lastName, .email, .phoneNumber, .emailConsent, .smsConsent, .tags, .customFields]
        )
        #expect(
            outcome.events == [
                ConsentEvent(channel: .email, from: "never_subscribed", to: "subscribed"),
                ConsentEvent(channel: .sms, from: "never_subscribed", to: "subscribed"),
            ]
        )
        #expect(outcome.effects == [.welcomeSMS])
    }

    @Test("send_welcome_sms false subscribes without the welcome SMS")
    func welcomeOptOut() throws {
        let outcome = try Self.create(ContactDraft(phoneNumber: "+15555550123", smsConsent: "subscribed", sendWelcomeSMS: false)).get()
        #expect(outcome.contact.smsConsent == .subscribed)
        #expect(outcome.events == [ConsentEvent(channel: .sms, from: "never_subscribed", to: "subscribed")])
        #expect(outcome.effects.isEmpty)
    }

    @Test("a contact created by an order records no welcome SMS")
    func orderSourceSendsNoWelcome() throws {
        let outcome = try Self.create(ContactDraft(phoneNumber: "+15555550123", smsConsent: "subscribed"), source: .order).get()
        #expect(outcome.contact.smsConsent == .subscribed)
        #expect(outcome.effects.isEmpty)
    }

    @Test(
        "needs an email or a phone number",
        arguments: [ContactDraft(), ContactDraft(firstName: "Ada", tags: ["x"]), ContactDraft(emailConsent: "subscribed")]
    )
    func needsEmailOrPhone(draft: ContactDraft) {
        #expect(Self.create(draft).details == [.on("base", "email or phone_number is required")])
    }

    @Test("a phone number alone is enough")
    func phoneAlone() throws {
        let outcome = try Self.create(ContactDraft(phoneNumber: "+15555550123")).get()
        #expect(outcome.contact.phoneNumber?.rawValue == "+15555550123")
        #expect(outcome.changedFields == [.phoneNumber])
    }

    @Test("an invalid email or phone is reported on its own field, not as a missing one")
    func invalidIdentities() {
        #expect(Self.create(ContactDraft(email: "nope")).details == [.on("email", "is not a valid email address")])
        #expect(
            Self.create(ContactDraft(phoneNumber: "555-0123", smsConsent: "subscribed")).details
                == [.on("phone_number", "must be in E.164 format, e.g. +15555550123")]
        )
    }

    @Test("SMS opt-ins need a phone; SMS unsubscribed cannot start a contact")
    func smsRules() {
        #expect(
            Self.create(ContactDraft(email: "a@b.co", smsConsent: "single_opt_in")).details
                == [.on("sms_consent", "requires a phone number")]
        )
        #expect(
            Self.create(ContactDraft(phoneNumber: "+15555550123", smsConsent: "unsubscribed")).details
                == [.on("sms_consent", "cannot be unsubscribed on a new contact")]
        )
    }

    @Test("every broken rule is reported at once, in wire field order")
    func collectsEverything() {
        let draft = ContactDraft(
            firstName: String(repeating: "a", count: 256),
            lastName: String(repeating: "b", count: 256),
            email: "bad",
            phoneNumber: "bad",
            tags: ["", "ok", String(repeating: "t", count: 256)],
            customFields: ["": .null, "n": .number(text: "1.2.3")],
            emailConsent: "compliance_suppressed",
            smsConsent: "opted_in"
        )
        #expect(
            Self.create(draft).details == [
                .on("first_name", "is too long (maximum is 255 characters)"),
                .on("last_name", "is too long (maximum is 255 characters)"),
                .on("email", "is not a valid email address"),
                .on("phone_number", "must be in E.164 format, e.g. +15555550123"),
                .on("tags[0]", "can't be blank"),
                .on("tags[2]", "is too long (maximum is 255 characters)"),
                .on("custom_fields", "keys must be 1 to 128 bytes long"),
                .on("custom_fields.n", "is not a valid number"),
                .on("email_consent", "is read-only"),
                .on("sms_consent", "must be one of: subscribed, unsubscribed, never_subscribed, single_opt_in"),
            ]
        )
    }

    @Test("unknown consent values name the channel's writable values")
    func unknownConsent() {
        #expect(
            Self.create(ContactDraft(email: "a@b.co", emailConsent: "non_subscribed", smsConsent: "")).details == [
                .on("email_consent", "must be one of: subscribed, unsubscribed, never_subscribed, suppressed"),
                .on("sms_consent", "must be one of: subscribed, unsubscribed, never_subscribed, single_opt_in"),
            ]
        )
    }

    @Test("the upstream source may create a contact in system states")
    func upstreamSystemStates() throws {
        let draft = ContactDraft(phoneNumber: "+15555550123", emailConsent: "compliance_suppressed", smsConsent: "pending")
        let outcome = try Self.create(draft, source: .upstream).get()
        #expect(outcome.contact.consent == ConsentState(email: .complianceSuppressed, sms: .pending))
        #expect(outcome.changedFields == [.phoneNumber, .emailConsent, .smsConsent])
    }

    @Test("names: at most 255 Unicode scalars", arguments: [(255, true), (256, false)])
    func nameLength(length: Int, valid: Bool) {
        let name = String(repeating: "é", count: length)
        let result = Self.create(ContactDraft(firstName: name, email: "a@b.co"))
        #expect((try? result.get())?.contact.firstName == (valid ? name : nil))
        #expect(result.details == (valid ? nil : [.on("first_name", "is too long (maximum is 255 characters)")]))
    }

    @Test("tags: duplicates dropped in order, at most 100 distinct, each 1 to 255 scalars")
    func tagLimits() throws {
        let hundred = (0..<100).map { "tag\($0)" }
        let kept = try Self.create(ContactDraft(email: "a@b.co", tags: hundred + hundred.reversed())).get()
        #expect(kept.contact.tags == hundred)
        #expect(
            Self.create(ContactDraft(email: "a@b.co", tags: hundred + ["one more"])).details
                == [.on("tags", "must have at most 100 tags")]
        )
        let longest = String(repeating: "ü", count: 255)
        #expect(try Self.create(ContactDraft(email: "a@b.co", tags: [longest])).get().contact.tags == [longest])
    }

    @Test("custom fields: limits on keys, key length and value length")
    func customFieldLimits() throws {
        var hundred = CustomFields()
        for index in 0..<100 {
            hundred["k\(index)"] = .bool(true)
        }
        #expect(try Self.create(ContactDraft(email: "a@b.co", customFields: hundred)).get().contact.customFields == hundred)
        var tooMany = hundred
        tooMany["k100"] = .null
        #expect(Self.create(ContactDraft(email: "a@b.co", customFields: tooMany)).details == [.on("custom_fields", "must have at most 100 keys")])

        let longestKey = String(repeating: "k", count: 128)
        let longestValue = String(repeating: "v", count: 2_048)
        let atLimits: CustomFields = [longestKey: .string(longestValue), "n": .number(text: "-1.5e3")]
        #expect(try Self.create(ContactDraft(email: "a@b.co", customFields: atLimits)).get().contact.customFields == atLimits)

        let overLimits: CustomFields = [longestKey + "k": .null, "s": .string(longestValue + "v"), "n": .number(text: "1" + String(repeating: "0", count: 2_048))]
        #expect(
            Self.create(ContactDraft(email: "a@b.co", customFields: overLimits)).details == [
                .on("custom_fields", "keys must be 1 to 128 bytes long"),
                .on("custom_fields.s", "is too long (maximum is 2048 bytes)"),
                .on("custom_fields.n", "is too long (maximum is 2048 bytes)"),
            ]
        )
    }

    @Test("custom field numbers must fit an IEEE-754 double: no overflow, no non-zero value rounded to zero")
    func customFieldNumberRange() throws {
        let fitting: CustomFields = ["max": .number(text: "1.7976931348623157e308"), "tiny": .number(text: "5e-324"), "zero": .number(text: "0e-999999")]
        #expect(try Self.create(ContactDraft(email: "a@b.co", customFields: fitting)).get().contact.customFields == fitting)
        let outside: CustomFields = ["big": .number(text: "1e999999"), "negative": .number(text: "-1e309"), "small": .number(text: "1e-999999")]
        #expect(
            Self.create(ContactDraft(email: "a@b.co", customFields: outside)).details
                == ["big", "negative", "small"].map { .on("custom_fields.\($0)", "is outside the range of a double-precision number") }
        )
    }
}
