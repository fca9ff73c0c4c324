import PrivyDomain
import Testing

@Suite("ContactRules.restore and ContactRules.delete")
struct ContactRulesRestoreDeleteTests {
    static let restoredAt = Timestamp(microsecondsSinceEpoch: 1_795_342_650_000_000)

    /// A deleted contact that had opted out of both channels.
    static let deleted = Contact(
        id: .sample,
        sequence: 5,
        firstName: "Ada",
        lastName: "Lovelace",
        email: EmailAddress(validating: "ada@example.com"),
        phoneNumber: PhoneNumber(validating: "+15555550123"),
        emailConsent: .unsubscribed,
        smsConsent: .unsubscribed,
        emailConsentUpdatedAt: Instants.created,
        smsConsentUpdatedAt: Instants.created,
        tags: ["vip"],
        customFields: ["plan": .string("gold")],
        createdAt: Instants.created,
        updatedAt: Instants.later,
        deletedAt: Instants.later
    )

    static func restore(_ draft: ContactDraft, of contact: Contact = deleted, source: ConsentSource = .api) -> Result<ContactWriteOutcome, ValidationFailure> {
        ContactRules.restore(contact, with: draft, now: restoredAt, source: source)
    }

    @Test("keeps id, sequence and created_at; takes the new data and clears what it omits")
    func takesTheNewData() throws {
        let outcome = try Self.restore(ContactDraft(firstName: "Grace", email: "ADA@example.com", tags: ["vip"])).get()
        let contact = outcome.contact
        #expect(contact.id == .sample && contact.sequence == 5 && contact.createdAt == Instants.created)
        #expect(contact.deletedAt == nil && !contact.isDeleted)
        #expect(contact.updatedAt == Self.restoredAt)
        #expect(contact.firstName == "Grace" && contact.lastName == nil)
        #expect(contact.email?.rawValue == "ADA@example.com")
        #expect(contact.phoneNumber == nil)
        #expect(contact.tags == ["vip"])
        #expect(contact.customFields.isEmpty)
        #expect(outcome.changedFields == [.deleted, .firstName, .lastName, .email, .phoneNumber, .customFields])
    }

    @Test("consent the draft omits keeps its stored value, with no event")
    func keepsStoredConsent() throws {
        let outcome = try Self.restore(ContactDraft(phoneNumber: "+15555550123")).get()
        #expect(outcome.contact.consent == ConsentState(email: .unsubscribed, sms: .unsubscribed))
        #expect(outcome.contact.emailConsentUpdatedAt == Instants.created)
        #expect(outcome.contact.smsConsentUpdatedAt == Instants.created)
        #expect(outcome.events.isEmpty)
        #expect(!outcome.changedFields.contains(.emailConsent) && !outcome.changedFields.contains(.smsConsent))
    }

    @Test("consent the draft gives continues from the stored value")
    func continuesStoredConsent() throws {
        let outcome = try Self.restore(ContactDraft(phoneNumber: "+15555550123", emailConsent: "subscribed", smsConsent: "subscribed")).get()
        #expect(outcome.contact.consent == ConsentState(email: .subscribed, sms: .subscribed))
        #expect(
            outcome.events == [
                ConsentEvent(channel: .email, from: "unsubscribed", to: "subscribed"),
                ConsentEvent(channel: .sms, from: "unsubscribed", to: "subscribed"),
            ]
        )
        #expect(outcome.effects == [.welcomeSMS])
        #expect(outcome.contact.smsConsentUpdatedAt == Self.restoredAt)
        #expect(outcome.changedFields.isSuperset(of: [.deleted, .emailConsent, .smsConsent]))
    }

    @Test("a contact already SMS-subscribed gets no second welcome")
    func noSecondWelcome() throws {
        var subscribed = Self.deleted
        subscribed.smsConsent = .subscribed
        let outcome = try Self.restore(ContactDraft(phoneNumber: "+15555550123", smsConsent: "subscribed"), of: subscribed).get()
        #expect(outcome.events.isEmpty)
        #expect(outcome.effects.isEmpty)
    }

    @Test("a compliance suppression survives deletion: only the upstream may restore the contact")
    func complianceSurvives() throws {
        var locked = Self.deleted
        locked.emailConsent = .complianceSuppressed
        let refused = FieldError.on("base", "cannot be changed while email consent is compliance_suppressed")
        #expect(
            Self.restore(ContactDraft(email: "ada@example.com", emailConsent: "subscribed"), of: locked).details
                == [refused, .on("email_consent", "cannot be changed while email consent is compliance_suppressed")]
        )
        #expect(Self.restore(ContactDraft(email: "ada@example.com"), of: locked).details == [refused])
        #expect(try Self.restore(ContactDraft(email: "ada@example.com"), of: locked, source: .upstream).get().contact.emailConsent == .complianceSuppressed)
    }

    @Test("a restore follows the create rules")
    func createRules() {
        #expect(Self.restore(ContactDraft(firstName: "Ada")).details == [.on("base", "email or phone_number is required")])
        #expect(
            Self.restore(ContactDraft(phoneNumber: "+15555550123", smsConsent: "unsubscribed")).details
                == [.on("sms_consent", "cannot be unsubscribed on a new contact")]
        )
    }

    @Test("delete marks the contact deleted once")
    func delete() throws {
        let live = Contact(id: .sample, sequence: 1, email: EmailAddress(validating: "a@b.co"), createdAt: Instants.created)
        let outcome = try ContactRules.delete(live, now: Instants.later, source: .api).get()
        #expect(outcome.contact.deletedAt == Instants.later)
        #expect(outcome.contact.updatedAt == Instants.later)
        #expect(outcome.contact.isDeleted)
        #expect(outcome.changedFields == [.deleted])
        #expect(outcome.events.isEmpty && outcome.effects.isEmpty)

        let again = try ContactRules.delete(outcome.contact, now: Self.restoredAt, source: .api).get()
        #expect(again.contact == outcome.contact)
        #expect(again.changedFields.isEmpty)
    }

    @Test("a compliance-suppressed contact cannot be deleted, except by the upstream")
    func deleteComplianceSuppressed() throws {
        let suppressed = Contact(id: .sample, sequence: 1, email: EmailAddress(validating: "a@b.co"), emailConsent: .complianceSuppressed, createdAt: Instants.created)
        let refused = ContactRules.delete(suppressed, now: Instants.later, source: .api)
        #expect(refused.details == [.on("base", "cannot be changed while email consent is compliance_suppressed")])
        #expect(try ContactRules.delete(suppressed, now: Instants.later, source: .upstream).get().contact.isDeleted)
    }
}
