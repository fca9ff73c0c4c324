import PrivyDomain
import PrivyJSON
import Testing

@testable import PrivyStore
@testable import PrivySync

/// The pure planner: backlogs in, ordered upstream calls out.
@Suite("Sync planner: coalescing, field selection and order")
struct SyncPlannerTests {
    private static let now = Timestamp(microsecondsSinceEpoch: 1_800_000_000_000_000)

    private func contact(_ n: Int, _ edit: (inout Contact) -> Void = { _ in }) -> Contact {
        var contact = Contact(
            id: ContactID(validating: "cus_AAAAAAAAAAAAAA\(n < 10 ? "0" : "")\(n)")!,
            sequence: UInt64(n),
            email: EmailAddress(validating: "c\(n)@example.com"),
            createdAt: Self.now
        )
        edit(&contact)
        return contact
    }

    private func change(_ sequence: UInt64, _ entity: Change.Entity, _ fields: ContactFields, _ flags: Change.Flags = [], source: ConsentSource = .api) -> Change {
        Change(sequence: sequence, entity: entity, contactFields: fields, flags: flags, source: source, at: Self.now)
    }

    private func pending(_ contact: Contact, upstreamID: String?, _ changes: [Change]) -> PendingEntity {
        PendingEntity(entity: .contact(contact.id), changes: changes, state: .contact(contact, upstreamID: upstreamID))
    }

    private func json(_ body: ContactBody) throws -> JSONValue {
        try JSONParser.parse(body.json)
    }

    @Test("many changes to a synced contact become one PATCH with the union of their fields, at current values")
    func coalescesUpdates() throws {
        let ann = contact(1) { $0.firstName = "Ann"; $0.lastName = "Lee"; $0.tags = ["vip"] }
        let changes = (1...50).map { change(UInt64($0), .contact(ann.id), $0 == 50 ? .tags : .firstName) } + [change(51, .contact(ann.id), .lastName)]
        let jobs = SyncPlanner.plan(SyncBacklog(entities: [pending(ann, upstreamID: "up_1", changes)]))
        #expect(jobs.count == 1)
        #expect(jobs[0].changes.count == 51)
        guard case .contact(_, .update(let upstreamID, let body)) = jobs[0].work else {
            Issue.record("expected an update, got \(jobs[0].work)")
            return
        }
        #expect(upstreamID == "up_1")
        #expect(try json(body) == ["first_name": "Ann", "last_name": "Lee", "tags": ["vip"]])
    }

    @Test("a contact changed only in its name sends no consent, so upstream opt-outs stand")
    func onlyChangedFields() throws {
        let ann = contact(1) { $0.firstName = "Ann"; $0.emailConsent = .subscribed; $0.smsConsent = .neverSubscribed }
        let jobs = SyncPlanner.plan(SyncBacklog(entities: [pending(ann, upstreamID: "up_1", [change(7, .contact(ann.id), .firstName)])]))
        guard case .contact(_, .update(_, let body)) = jobs.first?.work else {
            Issue.record("expected an update")
            return
        }
        #expect(try json(body) == ["first_name": "Ann"])
    }

    @Test("a never-synced contact is created with every field it has; a conflict PATCHes the locally changed fields")
    func createsWithEverything() throws {
        let ann = contact(1) { $0.firstName = "Ann"; $0.emailConsent = .subscribed; $0.customFields = ["points": .number(text: "1.50")] }
        let jobs = SyncPlanner.plan(SyncBacklog(entities: [pending(ann, upstreamID: nil, [change(3, .contact(ann.id), [.firstName])])]))
        guard case .contact(_, .create(let create, let afterCreate, let onConflict, nil)) = jobs.first?.work else {
            Issue.record("expected a create")
            return
        }
        #expect(try json(create) == ["first_name": "Ann", "email": "c1@example.com", "custom_fields": ["points": .number(JSONNumber("1.50")!)], "email_consent": "subscribed"])
        #expect(afterCreate.isEmpty)
        #expect(try json(onConflict) == ["first_name": "Ann"])
    }

    @Test("a create sends a consent changed locally even to its default, so an upstream restore cannot keep a stale one")
    func createSendsChangedDefaults() throws {
        let ann = contact(1)
        let jobs = SyncPlanner.plan(SyncBacklog(entities: [pending(ann, upstreamID: nil, [change(1, .contact(ann.id), [.deleted, .email], .created), change(2, .contact(ann.id), .emailConsent)])]))
        guard case .contact(_, .create(let create, _, _, nil)) = jobs.first?.work else {
            Issue.record("expected a create")
            return
        }
        #expect(try json(create) == ["email": "c1@example.com", "email_consent": "never_subscribed"])
    }

    @Test("default consent is not sent on create, and SMS unsubscribed (which a create refuses) follows in a PATCH")
    func smsUnsubscribedAfterCreate() throws {
        let ann = contact(1) { $0.phoneNumber = PhoneNumber(validating: "+15555550101"); $0.smsConsent = .unsubscribed }
        let jobs = SyncPlanner.plan(SyncBacklog(entities: [pending(ann, upstreamID: nil, [change(1, .contact(ann.id), [.email, .phoneNumber, .smsConsent], .created)])]))
        guard case .contact(_, .create(let create, let afterCreate, _, nil)) = jobs.first?.work else {
            Issue.record("expected a create")
            return
        }
        #expect(try json(create) == ["email": "c1@example.com", "phone_number": "+15555550101"])
        #expect(try json(afterCreate) == ["sms_consent": "unsubscribed"])
        #expect(jobs[0].isConsentDowngrade)
    }

    @Test("a delete is sent for a synced contact and settled without a call for one never synced")
    func deletes() {
        let synced = contact(1) { $0.deletedAt = Self.now }
        let neverSynced = contact(2) { $0.deletedAt = Self.now }
        let jobs = SyncPlanner.plan(SyncBacklog(entities: [
            pending(synced, upstreamID: "up_1", [change(1, .contact(synced.id), .deleted)]),
            pending(neverSynced, upstreamID: nil, [change(2, .contact(neverSynced.id), [.email], .created), change(3, .contact(neverSynced.id), .deleted, .deleted)]),
        ]))
        #expect(jobs.map(\.work) == [.nothing, .contact(synced.id, .delete(UpstreamRemoval(upstreamID: "up_1", lastChanges: ContactBody(synced, fields: [], welcomeSMS: false))))])
        #expect(jobs[0].changes.map(\.sequence) == [2, 3])
    }

    @Test("an opt-out made just before a delete reaches the upstream with the delete, which goes first")
    func optOutThenDelete() throws {
        let ann = contact(1) { $0.firstName = "Ann"; $0.emailConsent = .unsubscribed; $0.deletedAt = Self.now }
        let other = contact(2) { $0.firstName = "Bo" }
        let jobs = SyncPlanner.plan(SyncBacklog(entities: [
            pending(other, upstreamID: "up_2", [change(1, .contact(other.id), .firstName)]),
            pending(ann, upstreamID: "up_1", [change(2, .contact(ann.id), [.emailConsent, .firstName]), change(3, .contact(ann.id), .deleted, .deleted)]),
        ]))
        guard case .contact(_, .delete(let removal)) = jobs.first?.work else {
            Issue.record("expected the delete first")
            return
        }
        #expect(removal.upstreamID == "up_1")
        #expect(try json(removal.lastChanges) == ["first_name": "Ann", "email_consent": "unsubscribed"])
    }

    @Test("a contact deleted and restored locally is patched upstream, or replaced when its email or phone changed")
    func restores() {
        let ann = contact(1) { $0.firstName = "Ann"; $0.phoneNumber = PhoneNumber(validating: "+15555550101") }
        func plan(_ restored: ContactFields) -> SyncJob.Work? {
            SyncPlanner.plan(SyncBacklog(entities: [pending(ann, upstreamID: "up_1", [
                change(1, .contact(ann.id), .deleted, .deleted), change(2, .contact(ann.id), restored.union(.deleted), .created),
            ])])).first?.work
        }
        guard case .contact(_, .update("up_1", let body))? = plan(.firstName) else {
            Issue.record("expected an update")
            return
        }
        #expect(body.fields == .firstName)
        guard case .contact(_, .create(let create, _, _, let replacing?))? = plan([.firstName, .phoneNumber]), replacing.upstreamID == "up_1" else {
            Issue.record("expected a replacing create")
            return
        }
        #expect(create.fields == [.firstName, .email, .phoneNumber])
    }

    @Test("consent downgrades go first, the rest oldest first")
    func downgradesFirst() {
        let renamed = contact(1) { $0.firstName = "Old news" }
        let optedOut = contact(2) { $0.emailConsent = .unsubscribed }
        let suppressed = contact(3) { $0.emailConsent = .suppressed }
        let subscribed = contact(4) { $0.emailConsent = .subscribed }
        let jobs = SyncPlanner.plan(SyncBacklog(entities: [
            pending(renamed, upstreamID: "up_1", [change(1, .contact(renamed.id), .firstName)]),
            pending(subscribed, upstreamID: "up_4", [change(2, .contact(subscribed.id), .emailConsent)]),
            pending(optedOut, upstreamID: "up_2", [change(3, .contact(optedOut.id), .emailConsent)]),
            pending(suppressed, upstreamID: "up_3", [change(4, .contact(suppressed.id), .emailConsent)]),
        ]))
        #expect(jobs.map(\.entity) == [optedOut, suppressed, renamed, subscribed].map { .contact($0.id) })
    }

    @Test("send_welcome_sms: false is forwarded when the latest SMS change declined the welcome SMS, and only then")
    func welcomeSMS() throws {
        let ann = contact(1) { $0.phoneNumber = PhoneNumber(validating: "+15555550101"); $0.smsConsent = .subscribed }
        func body(_ changes: [Change]) throws -> JSONValue? {
            guard case .contact(_, .update(_, let body)) = SyncPlanner.plan(SyncBacklog(entities: [pending(ann, upstreamID: "up_1", changes)])).first?.work else { return nil }
            return try json(body)
        }
        #expect(try body([change(1, .contact(ann.id), .smsConsent, .welcomeSMSDeclined)]) == ["sms_consent": "subscribed", "send_welcome_sms": false])
        #expect(try body([change(1, .contact(ann.id), .smsConsent, .welcomeSMS)]) == ["sms_consent": "subscribed"])
        #expect(try body([
            change(1, .contact(ann.id), .smsConsent, .welcomeSMS), change(2, .contact(ann.id), .smsConsent), change(3, .contact(ann.id), .smsConsent, .welcomeSMSDeclined),
        ]) == ["sms_consent": "subscribed", "send_welcome_sms": false])
    }

    @Test("state mirrored from the upstream and read-only consent values are never sent back")
    func upstreamStateStaysUpstream() {
        let suppressed = contact(1) { $0.emailConsent = .complianceSuppressed; $0.firstName = "Sue" }
        let jobs = SyncPlanner.plan(SyncBacklog(entities: [
            pending(suppressed, upstreamID: "up_1", [change(1, .contact(suppressed.id), .emailConsent, source: .upstream)]),
        ]))
        #expect(jobs.map(\.work) == [.nothing])
        let mixed = SyncPlanner.plan(SyncBacklog(entities: [
            pending(suppressed, upstreamID: "up_1", [change(1, .contact(suppressed.id), [.emailConsent, .firstName])]),
        ]))
        guard case .contact(_, .update(_, let body)) = mixed.first?.work else {
            Issue.record("expected an update")
            return
        }
        #expect(body.fields == .firstName)
    }

    @Test("an order goes after the contact it depends on, even an older or downgrading one")
    func ordersAfterTheirContact() {
        let ann = contact(1) { $0.firstName = "Ann" }
        let bo = contact(2) { $0.emailConsent = .unsubscribed }
        func order(_ contact: Contact) -> UpstreamOrder { .sample(contactID: contact.id, at: contact.createdAt) }
        let jobs = SyncPlanner.plan(SyncBacklog(entities: [
            PendingEntity(entity: .order("1"), changes: [change(1, .order("1"), [])], state: .order(order(ann))),
            PendingEntity(entity: .order("2"), changes: [change(2, .order("2"), [])], state: .order(order(bo))),
            pending(ann, upstreamID: nil, [change(3, .contact(ann.id), [.email, .firstName], .created)]),
            pending(bo, upstreamID: "up_2", [change(4, .contact(bo.id), .emailConsent)]),
        ]))
        #expect(jobs.map(\.entity) == [.contact(bo.id), .contact(ann.id), .order("1"), .order("2")])
    }
}
