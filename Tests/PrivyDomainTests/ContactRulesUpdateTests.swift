import PrivyDomain
import Testing

@Suite("ContactRules.update")
struct ContactRulesUpdateTests {
    /// A live contact with an email, no phone, names, tags and custom fields.
    static let stored = Contact(
        id: .sample,
        sequence: 3,
        firstName: "Ada",
        lastName: "Lovelace",
        email: EmailAddress(validating: "Ada@Example.com"),
        emailConsent: .subscribed,
        emailConsentUpdatedAt: Instants.created,
        tags: ["vip", "new"],
        customFields: ["plan": .string("gold"), "visits": .number(text: "3")],
        createdAt: Instants.created
    )

    static func update(
        _ patch: ContactPatch,
        of contact: Contact = stored,
        source: ConsentSource = .api
    ) -> Result<ContactWriteOutcome, ValidationFailure> {
        ContactRules.update(contact, with: patch, now: Instants.later, source: source)
    }

    @Test(
        "a patch that changes nothing leaves the contact and updated_at alone",
        arguments: [
            ContactPatch(),
            ContactPatch(firstName: .value("Ada"), email: .value("ada@example.COM"), phoneNumber: .absent),
            ContactPatch(tags: .value(["vip", "new", "vip"]), customFields: .value(["visits": .number(text: "3"), "plan": .string("gold")])),
            ContactPatch(emailConsent: .value("subscribed"), smsConsent: .value("never_subscribed")),
            ContactPatch(phoneNumber: .null),
        ]
    )
    func noOp(patch: ContactPatch) throws {
        let outcome = try Self.update(patch).get()
        #expect(outcome.changedFields.isEmpty)
        #expect(outcome.events.isEmpty && outcome.effects.isEmpty)
        #expect(outcome.contact.updatedAt == Instants.created)
        #expect(outcome.contact.email?.rawValue == "Ada@Example.com")
    }

    @Test("names: a value sets, null clears, and updated_at moves")
    func names() throws {
        let outcome = try Self.update(ContactPatch(firstName: .value("Grace"), lastName: .null)).get()
        #expect(outcome.contact.firstName == "Grace")
        #expect(outcome.contact.lastName == nil)
        #expect(outcome.changedFields == [.firstName, .lastName])
        #expect(outcome.contact.updatedAt == Instants.later)
        #expect(outcome.contact.emailConsentUpdatedAt == Instants.created)
    }

    @Test("tags and custom fields replace instead of merging; null empties them")
    func replaceSemantics() throws {
        let replaced = try Self.update(ContactPatch(tags: .value(["returning"]), customFields: .value(["tier": .bool(true)]))).get()
        #expect(replaced.contact.tags == ["returning"])
        #expect(replaced.contact.customFields == ["tier": .bool(true)])
        #expect(replaced.changedFields == [.tags, .customFields])

        let cleared = try Self.update(ContactPatch(tags: .null, customFields: .null)).get()
        #expect(cleared.contact.tags.isEmpty)
        #expect(cleared.contact.customFields.isEmpty)
        #expect(cleared.changedFields == [.tags, .customFields])
    }

    @Test("email cannot change once set", arguments: [PatchValue<String>.value("grace@example.com"), .null])
    func emailIsImmutable(email: PatchValue<String>) {
        #expect(Self.update(ContactPatch(firstName: .value("Grace"), email: email)).details == [.on("email", "cannot be changed once set")])
    }

    @Test("an email can be set while none is stored")
    func emailCanBeSetOnce() throws {
        var phoneOnly = Self.stored
        phoneOnly.email = nil
        phoneOnly.phoneNumber = PhoneNumber(validating: "+15555550123")
        let outcome = try Self.update(ContactPatch(email: .value(" grace@example.com ")), of: phoneOnly).get()
        #expect(outcome.contact.email?.rawValue == "grace@example.com")
        #expect(outcome.changedFields == [.email])
        #expect(Self.update(ContactPatch(email: .value("nope")), of: phoneOnly).details == [.on("email", "is not a valid email address")])
    }

    @Test("a phone number can be set while none is stored, then never changed")
    func phoneIsSetOnce() throws {
        let outcome = try Self.update(ContactPatch(phoneNumber: .value("+15555550123"))).get()
        #expect(outcome.contact.phoneNumber?.rawValue == "+15555550123")
        #expect(outcome.changedFields == [.phoneNumber])
        let withPhone = outcome.contact
        #expect(try Self.update(ContactPatch(phoneNumber: .value("+15555550123")), of: withPhone).get().changedFields.isEmpty)
        #expect(Self.update(ContactPatch(phoneNumber: .value("+15555550124")), of: withPhone).details == [.on("phone_number", "cannot be changed once set")])
        #expect(Self.update(ContactPatch(phoneNumber: .null), of: withPhone).details == [.on("phone_number", "cannot be changed once set")])
    }

    @Test("a phone and an SMS subscription in one patch: the consent sees the new phone")
    func phoneAndConsentTogether() throws {
        let outcome = try Self.update(ContactPatch(phoneNumber: .value("+15555550123"), smsConsent: .value("subscribed"))).get()
        #expect(outcome.contact.smsConsent == .subscribed)
        #expect(outcome.contact.smsConsentUpdatedAt == Instants.later)
        #expect(outcome.contact.emailConsentUpdatedAt == Instants.created)
        #expect(outcome.changedFields == [.phoneNumber, .smsConsent])
        #expect(outcome.events == [ConsentEvent(channel: .sms, from: "never_subscribed", to: "subscribed")])
        #expect(outcome.effects == [.welcomeSMS])
    }

    @Test("an invalid phone with an SMS subscription is reported once, on the phone")
    func invalidPhoneIsReportedOnce() {
        #expect(
            Self.update(ContactPatch(phoneNumber: .value("5555550123"), smsConsent: .value("subscribed"))).details
                == [.on("phone_number", "must be in E.164 format, e.g. +15555550123")]
        )
    }

    @Test("a consent violation rejects the other fields of the patch too")
    func atomicity() {
        #expect(
            Self.update(ContactPatch(firstName: .value("Grace"), tags: .null, smsConsent: .value("single_opt_in"))).details
                == [.on("sms_consent", "requires a phone number")]
        )
    }

    @Test("unsuppressing email: two events, one changed field, a new consent timestamp")
    func unsuppress() throws {
        var suppressed = Self.stored
        suppressed.emailConsent = .suppressed
        let outcome = try Self.update(ContactPatch(emailConsent: .value("unsubscribed")), of: suppressed).get()
        #expect(outcome.contact.emailConsent == .unsubscribed)
        #expect(
            outcome.events == [
                ConsentEvent(channel: .email, from: "suppressed", to: "never_subscribed"),
                ConsentEvent(channel: .email, from: "never_subscribed", to: "unsubscribed"),
            ]
        )
        #expect(outcome.changedFields == [.emailConsent])
        #expect(outcome.contact.emailConsentUpdatedAt == Instants.later)
        #expect(outcome.contact.smsConsentUpdatedAt == nil)
        #expect(outcome.contact.updatedAt == Instants.later)
    }

    @Test("null is not a consent value")
    func nullConsent() {
        #expect(
            Self.update(ContactPatch(emailConsent: .null, smsConsent: .null)).details == [
                .on("email_consent", "must be one of: subscribed, unsubscribed, never_subscribed, suppressed"),
                .on("sms_consent", "must be one of: subscribed, unsubscribed, never_subscribed, single_opt_in"),
            ]
        )
    }

    @Test("a compliance-suppressed contact takes no write, not even a no-op, except through upstream")
    func complianceSuppressed() throws {
        var locked = Self.stored
        locked.emailConsent = .complianceSuppressed
        let refused = FieldError.on("base", "cannot be changed while email consent is compliance_suppressed")
        for patch in [ContactPatch(firstName: .value("Grace")), ContactPatch(tags: .value(["vip"])), ContactPatch(customFields: .null), ContactPatch()] {
            #expect(Self.update(patch, of: locked).details == [refused])
        }
        #expect(
            Self.update(ContactPatch(firstName: .value("Grace"), emailConsent: .value("compliance_suppressed")), of: locked).details
                == [refused, .on("email_consent", "is read-only")]
        )
        #expect(
            Self.update(ContactPatch(emailConsent: .value("unsubscribed")), of: locked, source: .unsubscribe).details
                == [refused, .on("email_consent", "cannot be changed while email consent is compliance_suppressed")]
        )
        let lifted = try Self.update(ContactPatch(emailConsent: .value("never_subscribed")), of: locked, source: .upstream).get()
        #expect(lifted.contact.emailConsent == .neverSubscribed)
        #expect(lifted.events == [ConsentEvent(channel: .email, from: "compliance_suppressed", to: "never_subscribed")])
    }

    @Test("SMS unsubscribed is allowed on update")
    func smsUnsubscribeOnUpdate() throws {
        let outcome = try Self.update(ContactPatch(smsConsent: .value("unsubscribed"))).get()
        #expect(outcome.contact.smsConsent == .unsubscribed)
        #expect(outcome.changedFields == [.smsConsent])
    }
}
