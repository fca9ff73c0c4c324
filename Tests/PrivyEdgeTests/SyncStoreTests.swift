import Foundation
import HTTPTypes
import PrivyDomain
import PrivyStore
import Testing

/// The store's side of sync, on a real LMDB environment: backlog, outcomes, checkpoint,
/// pruning, identity links and dead letters.
@Suite("Sync state in the store")
struct SyncStoreTests {
    private func create(_ email: String, in store: Store) async throws -> ContactID {
        try await store.contacts.create(ContactDraft(email: email), context: WriteContext(source: .api)).contact.id
    }

    @Test("the backlog groups pending changes per entity, oldest first, with each contact's state and upstream id")
    func backlog() async throws {
        try await withTemporaryStore { store in
            let ann = try await create("ann@example.com", in: store)
            let bo = try await create("bo@example.com", in: store)
            _ = try await store.contacts.update(id: ann.rawValue, with: ContactPatch(firstName: .value("Ann")), context: WriteContext(source: .api))
            #expect(try await store.outbox.linkUpstreamContact(bo, to: "up_bo") == nil)
            let backlog = try store.outbox.syncBacklog(limit: 100)
            #expect(backlog.entities.map(\.entity) == [.contact(ann), .contact(bo)])
            #expect(backlog.entities[0].changes.map(\.sequence) == [1, 3])
            guard case .contact(let contact?, let upstreamID) = backlog.entities[0].state, case .contact(_, let boUpstream) = backlog.entities[1].state else {
                Issue.record("expected contact states")
                return
            }
            #expect(contact.firstName == "Ann" && upstreamID == nil)
            #expect(boUpstream == "up_bo")
            #expect(try store.outbox.syncBacklog(limit: 1).entities.map(\.changes.count) == [1])
        }
    }

    @Test("settled changes leave the log; the checkpoint stops below the oldest pending one and survives a restart")
    func pruningAndCheckpoint() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("privy-edge-sync-store-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var store = try await Store.open(directory: directory)
        for n in 0..<3 { _ = try await create("c\(n)@example.com", in: store) }
        let pending = try store.outbox.syncBacklog(limit: 100).entities
        try await store.outbox.completeSync([SyncCompletion(changes: pending[1].changes, calls: 1, outcome: .delivered)])
        var status = try store.outbox.syncStatus()
        #expect(status.backlog == 2)
        #expect(status.checkpoint == 0, "change 1 is still pending")
        #expect(status.callsMade == 1 && status.changesDelivered == 1 && status.lastSuccessAt != nil)
        try await store.outbox.completeSync([SyncCompletion(changes: pending[0].changes, calls: 2, outcome: .delivered)])
        #expect(try store.outbox.syncStatus().checkpoint == 2)
        await store.close()
        store = try await Store.open(directory: directory)
        #expect(try store.outbox.syncBacklog(limit: 100).entities.map(\.entity) == [pending[2].entity])
        try await store.outbox.completeSync([SyncCompletion(changes: pending[2].changes, calls: 1, outcome: .delivered)])
        status = try store.outbox.syncStatus()
        #expect(status.backlog == 0 && status.checkpoint == 3 && status.oldestPendingAt == nil && status.eta == 0)
        #expect(status.changesPerCall == 0.75)
        await store.close()
    }

    @Test("a refusal becomes a dead letter; retry puts its changes back in the log, drop deletes it")
    func deadLetters() async throws {
        try await withTemporaryStore { store in
            let ann = try await create("ann@example.com", in: store)
            let bo = try await create("bo@example.com", in: store)
            _ = try await store.contacts.update(id: ann.rawValue, with: ContactPatch(emailConsent: .value("subscribed")), context: WriteContext(source: .api))
            let pending = try store.outbox.syncBacklog(limit: 100).entities
            let refusal = UpstreamRejection(request: "POST /contacts", status: 422, body: #"{"error":{"code":"validation_failed"}}"#)
            try await store.outbox.completeSync(pending.map { SyncCompletion(changes: $0.changes, calls: 1, outcome: .rejected(refusal)) })
            var status = try store.outbox.syncStatus()
            #expect(status.backlog == 0 && status.deadLetters == 2 && status.changesDeadLettered == 3 && status.lastSuccessAt == nil)
            let letters = try store.outbox.deadLetters()
            #expect(letters.map(\.entity) == [.contact(ann), .contact(bo)])
            #expect(letters[0].changeCount == 2 && letters[0].contactFields.contains(.emailConsent) && letters[0].rejection == refusal)

            let retried = try await store.outbox.retryDeadLetter(id: letters[0].id)
            #expect(retried?.entity == .contact(ann))
            let again = try store.outbox.syncBacklog(limit: 100).entities
            #expect(again.map(\.entity) == [.contact(ann)])
            #expect(again[0].changes.map(\.contactFields) == [letters[0].contactFields])
            #expect(try await store.outbox.dropDeadLetter(id: letters[1].id)?.entity == .contact(bo))
            #expect(try await store.outbox.dropDeadLetter(id: letters[1].id) == nil)
            status = try store.outbox.syncStatus()
            #expect(status.deadLetters == 0 && status.backlog == 1)
        }
    }

    @Test("one upstream contact is never linked to two local ones; a forgotten link frees it")
    func links() async throws {
        try await withTemporaryStore { store in
            let ann = try await create("ann@example.com", in: store)
            let bo = try await create("bo@example.com", in: store)
            #expect(try await store.outbox.linkUpstreamContact(ann, to: "up_1") == nil)
            #expect(try await store.outbox.linkUpstreamContact(bo, to: "up_1") == ann)
            #expect(try store.outbox.upstreamContactID(of: bo) == nil)
            #expect(try await store.outbox.linkUpstreamContact(ann, to: "up_2") == nil, "a contact may move to another upstream id")
            #expect(try await store.outbox.linkUpstreamContact(bo, to: "up_1") == nil, "its old upstream id is free again")
            let annChanges = try store.outbox.syncBacklog(limit: 100).entities[0].changes
            try await store.outbox.completeSync([SyncCompletion(changes: annChanges, calls: 1, outcome: .delivered, forgetsUpstreamID: true)])
            #expect(try store.outbox.upstreamContactID(of: ann) == nil)
            #expect(try await store.outbox.linkUpstreamContact(bo, to: "up_2") == nil)
        }
    }

    @Test("an order is in the backlog with its full state and its contact, which comes first")
    func ordersInBacklog() async throws {
        try await EdgeFixture.run { client, fixture in
            let placed = try await client.call(.post, "/v1/orders/placed", token: fixture.adminToken, body: #"{"order_id":1,"total":"9.50","currency":"USD","order_date":"2026-06-22T10:00:00Z","email":"buyer@example.com","initial_sync":true}"#)
            #expect(placed.status == .created)
            let backlog = try fixture.store.outbox.syncBacklog(limit: 100)
            #expect(backlog.entities.count == 2)
            guard case .contact = try #require(backlog.entities.first).entity else {
                Issue.record("the order's contact must come first")
                return
            }
            guard case .order(let id) = try #require(backlog.entities.last).entity else {
                Issue.record("the order must be in the backlog")
                return
            }
            #expect(id == "1")
            #expect(try fixture.store.outbox.syncStatus().backlog == backlog.entities.map(\.changes.count).reduce(0, +))
        }
    }

    @Test("a failed attempt counts its calls and 429s and becomes the last failure")
    func failures() async throws {
        try await withTemporaryStore { store in
            try await store.outbox.recordSyncFailure("POST /contacts: upstream answered 429", calls: 2, throttled: 1)
            let status = try store.outbox.syncStatus()
            #expect(status.callsMade == 2 && status.throttledResponses == 1)
            #expect(status.lastFailure == "POST /contacts: upstream answered 429" && status.lastFailureAt != nil)
        }
    }
}
