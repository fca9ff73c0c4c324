import Foundation
import PrivyDomain
import PrivyStore
import Testing

/// The store's side of the consent pull and the 409 adoption, on a real LMDB environment: who is
/// matched, what is written and with which source, what wins, and where the pull stands.
@Suite("Consent pull in the store")
struct ConsentPullStoreTests {
    private static let hour: Int64 = 3_600

    private func create(_ draft: ContactDraft, in store: Store) async throws -> ContactID {
        try await store.contacts.create(draft, context: WriteContext(source: .api)).contact.id
    }

    /// Settles every pending change, as a drained exporter would.
    private func deliverEverything(_ store: Store) async throws {
        let pending = try store.outbox.syncBacklog(limit: 1_000).entities
        try await store.outbox.completeSync(pending.map { SyncCompletion(changes: $0.changes, calls: 1, outcome: .delivered) })
    }

    private func upstream(_ id: String, email: String? = nil, phone: String? = nil, _ emailConsent: EmailConsent?, _ smsConsent: SMSConsent? = nil) -> UpstreamConsent {
        UpstreamConsent(
            upstreamID: id, email: email.flatMap(EmailAddress.init(validating:)), phoneNumber: phone.flatMap(PhoneNumber.init(validating:)),
            emailConsent: emailConsent, smsConsent: smsConsent
        )
    }

    @Test("a pulled page restricts known contacts with source upstream, never raises consent, and leaves a channel with an undelivered local change alone")
    func page() async throws {
        try await withTemporaryStore { store in
            let ann = try await create(ContactDraft(email: "ann@example.com", emailConsent: "subscribed"), in: store)
            let bo = try await create(ContactDraft(email: "bo@example.com"), in: store)
            let dee = try await create(ContactDraft(email: "dee@example.com", phoneNumber: "+15555550100", smsConsent: "single_opt_in"), in: store)
            #expect(try await store.outbox.linkUpstreamContact(ann, to: "up_ann") == nil)
            try await deliverEverything(store)
            _ = try await store.contacts.update(id: bo.rawValue, with: ContactPatch(emailConsent: .value("subscribed")), context: WriteContext(source: .api))
            try await store.outbox.recordPullSchedule(PullSchedule(intervalSeconds: Self.hour, callsPerDay: 8, filterCount: 2))
            let changed = try await store.outbox.applyPullPage([
                upstream("up_ann", email: "other@example.com", .unsubscribed, .unsubscribed),  // matched by its link, not by email
                upstream("up_bo", email: "bo@example.com", .unsubscribed),                      // local opt-in not yet delivered: wins
                upstream("up_carl", email: "carl@example.com", .unsubscribed),                 // unknown here
                upstream("up_dee", email: "DEE@example.com", .subscribed, .pending),           // by email; subscribed is not a restriction
            ], totalPages: 2, calls: 1)
            #expect(changed == 2)
            let annNow = try #require(try store.contacts.contact(id: ann.rawValue))
            #expect(annNow.emailConsent == .unsubscribed && annNow.smsConsent == .unsubscribed)
            #expect(try store.contacts.consentEvents(contactID: ann.rawValue)?.last?.source == .upstream)
            #expect(try store.contacts.contact(id: bo.rawValue)?.emailConsent == .subscribed)
            let deeNow = try #require(try store.contacts.contact(id: dee.rawValue))
            #expect(deeNow.emailConsent == .neverSubscribed && deeNow.smsConsent == .pending)
            let backlog = try store.outbox.syncBacklog(limit: 100).entities
            #expect(backlog.first { $0.entity == .contact(ann) }?.changes.allSatisfy { $0.source == .upstream } == true)
            let state = try store.outbox.pullState()
            #expect(state.cursor == PullCursor(filter: 0, page: 2))
            #expect(state.contactsChanged == 2 && state.calls == 1 && state.lastFinishedAt == nil)
        }
    }

    @Test("a pull pages each listing to its end, finishes, schedules the next after the interval, and stops at its share of the day budget")
    func progress() async throws {
        try await withTemporaryStore { store in
            try await store.outbox.recordPullSchedule(PullSchedule(intervalSeconds: Self.hour, callsPerDay: 5, filterCount: 2))
            let start = Timestamp(microsecondsSinceEpoch: 1_700_000_000_000_000)
            func at(_ seconds: Int64) -> Timestamp { Timestamp(microsecondsSinceEpoch: start.microsecondsSinceEpoch + seconds * 1_000_000) }
            #expect(try store.outbox.pullState().isDue(at: start), "a pull that never ran is due at once")
            try await store.outbox.applyPullPage([], totalPages: 2, calls: 1, at: at(0))
            try await store.outbox.recordPullCalls(1, at: at(1))
            #expect(try store.outbox.pullState().cursor == PullCursor(filter: 0, page: 2), "a failed call keeps the page")
            try await store.outbox.applyPullPage([], totalPages: 2, calls: 1, at: at(2))
            #expect(try store.outbox.pullState().cursor == PullCursor(filter: 1, page: 1))
            try await store.outbox.applyPullPage([], totalPages: 0, calls: 1, at: at(3))
            var state = try store.outbox.pullState()
            #expect(state.cursor == nil && state.lastFinishedAt == at(3) && state.lastStartedAt == at(0) && state.lastCalls == 4)
            #expect(state.nextPullAt(at: at(4)) == at(3 + Self.hour))
            #expect(!state.isDue(at: at(4)) && state.isDue(at: at(3 + Self.hour)))
            try await store.outbox.applyPullPage([], totalPages: 9, calls: 1, at: at(3 + Self.hour))
            state = try store.outbox.pullState()
            #expect(state.waitsForShare(at: at(3 + Self.hour)), "5 calls in 24 hours use up a share of 5")
            #expect(state.nextPullAt(at: at(3 + Self.hour)) == at(86_400), "the share renews 24 hours after its first call")
            #expect(state.cursor == PullCursor(filter: 0, page: 2), "the pull resumes from its page")
        }
    }

    @Test("after a 409 the upstream's consent is adopted only where the local consent is a default; a compliance suppression pulled here refuses writes")
    func adoptionAndCompliance() async throws {
        try await withTemporaryStore { store in
            let fresh = try await create(ContactDraft(email: "fresh@example.com"), in: store)
            let chosen = try await create(ContactDraft(email: "chosen@example.com", emailConsent: "unsubscribed"), in: store)
            #expect(try await store.outbox.adoptUpstreamConsent(fresh, from: upstream("up_1", .subscribed, .subscribed)))
            let adopted = try #require(try store.contacts.contact(id: fresh.rawValue))
            #expect(adopted.emailConsent == .subscribed, "a default takes the upstream's value")
            #expect(adopted.smsConsent == .neverSubscribed, "SMS subscribed needs a phone here; email is adopted all the same")
            #expect(try store.contacts.consentEvents(contactID: fresh.rawValue)?.map(\.source) == [.upstream])
            #expect(try await !store.outbox.adoptUpstreamConsent(chosen, from: upstream("up_2", .subscribed)))
            #expect(try store.contacts.contact(id: chosen.rawValue)?.emailConsent == .unsubscribed, "a value set by a request stays")

            try await deliverEverything(store)
            #expect(try await store.outbox.linkUpstreamContact(chosen, to: "up_2") == nil)
            try await store.outbox.recordPullSchedule(PullSchedule(intervalSeconds: Self.hour, callsPerDay: 100, filterCount: 1))
            try await store.outbox.applyPullPage([upstream("up_2", .complianceSuppressed)], totalPages: 1, calls: 1)
            #expect(try store.contacts.contact(id: chosen.rawValue)?.emailConsent == .complianceSuppressed)
            await #expect(throws: ValidationFailure.self) {
                try await store.contacts.update(id: chosen.rawValue, with: ContactPatch(emailConsent: .value("subscribed")), context: WriteContext(source: .api))
            }
        }
    }
}
