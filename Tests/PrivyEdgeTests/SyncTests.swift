import AsyncHTTPClient
import Foundation
import NIOHTTP1
import PrivyJSON
import Testing

/// Replication end to end: an edge privy-edge exporting to an upstream privy-edge, both the
/// real binary on loopback.
@Suite("Sync to the upstream, edge and upstream as real processes", .serialized)
struct SyncTests {
    @Test("after thousands of mixed contact and order writes the upstream holds the same contacts, consent, orders and totals as the edge")
    func convergence() async throws {
        let pair = try SyncPair()
        try pair.startUpstream()
        try pair.startEdge()
        let writes = try await MixedWorkload(seed: 5, people: 300).run(operations: 3_000, workers: 4, against: pair.edgeURL, token: pair.edgeAdmin, http: pair.http)
        #expect(writes.accepted > 2_000, "most writes should have been accepted")
        #expect(writes.orderIDs.count > 300)
        let status = try await pair.waitForSync()
        try await expectConverged(pair, orders: writes.orderIDs)
        let deadLetters = try EdgeBinary.run(["sync", "dead-letters", "list", "--data-dir", pair.edgeDirectory]).output
        #expect(status["dead_letters"]?.intValue == 0, "\(deadLetters)")
        #expect((status["calls_made"]?.intValue ?? .max) < writes.accepted, "coalescing should need fewer calls than writes")
        pair.shutdown()
    }

    @Test("with the upstream down for the whole write phase, the edge converges once it is up; nothing is lost")
    func upstreamDown() async throws {
        let pair = try SyncPair()
        try pair.startUpstream()
        pair.stopUpstream()
        try pair.startEdge()
        let writes = try await MixedWorkload(seed: 11, people: 120).run(operations: 800, workers: 2, against: pair.edgeURL, token: pair.edgeAdmin, http: pair.http)
        #expect(writes.accepted > 400)
        try await Task.sleep(for: .milliseconds(500))
        let offline = try await pair.status()
        #expect((offline["backlog"]?.intValue ?? 0) > 100, "nothing can have left while the upstream was down")
        #expect(offline["last_failure"]?["message"]?.stringValue?.contains("unreachable") == true)
        #expect(offline["last_success_at"]?.isNull == true)
        try pair.startUpstream()
        let status = try await pair.waitForSync()
        try await expectConverged(pair, orders: writes.orderIDs)
        #expect(status["dead_letters"]?.intValue == 0)
        // Down again: SIGTERM while the exporter backs off still ends promptly and cleanly.
        pair.stopUpstream()
        #expect(try await pair.http.postJSON(pair.edgeURL + "/v1/contacts", token: pair.edgeAdmin, body: #"{"email":"late@example.com"}"#) == 201)
        try await Task.sleep(for: .milliseconds(300))
        let stopping = ContinuousClock.now
        #expect(pair.stopEdge() == 0)
        #expect(ContinuousClock.now - stopping < .seconds(5))
        pair.shutdown()
    }

    @Test("an edge killed with SIGKILL mid-sync and restarted converges without duplicate contacts upstream")
    func killedMidSync() async throws {
        let pair = try SyncPair()
        try pair.startUpstream()
        pair.stopUpstream()
        try pair.startEdge(["--upstream-budget-per-minute": "3000"])
        for n in 0..<200 {
            let status = try await pair.http.postJSON(pair.edgeURL + "/v1/contacts", token: pair.edgeAdmin, body: #"{"email":"k\#(n)@example.com","first_name":"K\#(n)","email_consent":"subscribed"}"#)
            #expect(status == 201)
        }
        // Orders: for 100 of those contacts, and for 50 new customers the orders create.
        for n in 0..<150 {
            let body = #"{"order_id":\#(n + 1),"total":"\#(n).25","currency":"USD","order_date":"2026-05-01T10:00:00Z","email":"\#(n < 100 ? "k" : "new")\#(n)@example.com","initial_sync":\#(n % 3 == 0)}"#
            #expect(try await pair.http.postJSON(pair.edgeURL + "/v1/orders/placed", token: pair.edgeAdmin, body: body) == 201)
        }
        try pair.startUpstream()
        let deadline = ContinuousClock.now + .seconds(30)
        while try await pair.status()["changes_delivered"]?.intValue ?? 0 < 40, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        pair.stopEdge(SIGKILL)
        let upstreamBefore = try await pair.contacts(at: pair.upstreamURL, token: pair.upstreamAdmin).count
        #expect(upstreamBefore > 0 && upstreamBefore < 250, "the kill should land mid-sync")
        try pair.startEdge()
        let status = try await pair.waitForSync()
        try await expectConverged(pair, orders: Set(1...150))
        #expect(try await pair.contacts(at: pair.upstreamURL, token: pair.upstreamAdmin).count == 250)
        #expect(status["dead_letters"]?.intValue == 0)
        pair.shutdown()
    }

    @Test("against a rate-limited upstream the exporter never exceeds the limit and honours Retry-After")
    func rateLimited() async throws {
        let pair = try SyncPair()
        try pair.startUpstream(["--rate-limit", "5/1s"])
        try pair.startEdge()
        // Another integration on the same account spends the whole window just after it opens…
        let probe = try await pair.http.json(.GET, pair.upstreamURL + "/v1/contacts", token: pair.exporterToken)
        let reset = try #require(probe.headers.first(name: "X-RateLimit-Reset-Minute").flatMap(Double.init))
        try await Task.sleep(for: .seconds(reset - Date().timeIntervalSince1970 + 0.05))
        for _ in 0..<5 {
            #expect(try await pair.http.json(.GET, pair.upstreamURL + "/v1/contacts", token: pair.exporterToken).status == 200)
        }
        // …so the exporter's first call is refused, and it must wait as told.
        let started = ContinuousClock.now
        for n in 0..<12 {
            #expect(try await pair.http.postJSON(pair.edgeURL + "/v1/contacts", token: pair.edgeAdmin, body: #"{"email":"r\#(n)@example.com"}"#) == 201)
        }
        let status = try await pair.waitForSync()
        let elapsed = ContinuousClock.now - started
        try await expectConverged(pair)
        let log = try #require(pair.upstream?.log)
        #expect(!log.contains("ignored Retry-After"))
        #expect(log.components(separatedBy: "rate limited").count - 1 == 1, "only the first call, in the spent window, may be refused:\n\(log)")
        #expect(status["throttled_responses"]?.intValue == 1)
        #expect(elapsed >= .seconds(2), "12 calls at 5 a second after a spent window take at least two more windows")
        pair.shutdown()
    }

    @Test("a contact that already exists upstream is linked through the 409 and patched, never duplicated")
    func existingUpstreamContact() async throws {
        let pair = try SyncPair()
        try pair.startUpstream()
        let upstreamCreate = try await pair.http.json(.POST, pair.upstreamURL + "/v1/contacts", token: pair.upstreamAdmin, body: #"{"email":"both@example.com","first_name":"Upstream","tags":["cloud"]}"#)
        let upstreamID = try #require(upstreamCreate.json["data"]?["id"]?.stringValue)
        try pair.startEdge()
        #expect(try await pair.http.postJSON(pair.edgeURL + "/v1/contacts", token: pair.edgeAdmin, body: #"{"email":"Both@Example.com","first_name":"Edge","phone_number":"+15555550123"}"#) == 201)
        try await pair.waitForSync()
        var upstream = try await pair.contacts(at: pair.upstreamURL, token: pair.upstreamAdmin)
        #expect(upstream.count == 1)
        #expect(upstream["both@example.com"]?["first_name"] == "Edge")
        #expect(upstream["both@example.com"]?["phone_number"] == "+15555550123")
        let edgeID = try #require(try await pair.http.json(.GET, pair.edgeURL + "/v1/contacts", token: pair.edgeAdmin).json["data"]?[0]?["id"]?.stringValue)
        #expect(try await pair.http.json(.PATCH, pair.edgeURL + "/v1/contacts/\(edgeID)", token: pair.edgeAdmin, body: #"{"last_name":"Linked"}"#).status == 200)
        let status = try await pair.waitForSync()
        upstream = try await pair.contacts(at: pair.upstreamURL, token: pair.upstreamAdmin)
        #expect(upstream.count == 1)
        let fetched = try await pair.http.json(.GET, pair.upstreamURL + "/v1/contacts/\(upstreamID)", token: pair.upstreamAdmin)
        #expect(fetched.json["data"]?["last_name"] == "Linked", "the update must go to the upstream contact the 409 named")
        #expect(status["dead_letters"]?.intValue == 0)
        pair.shutdown()
    }

    @Test("orders replicate after their contact, with their latest total, stats and initial_sync")
    func ordersConverge() async throws {
        let pair = try SyncPair()
        try pair.startUpstream()
        try pair.startEdge()
        for (id, total, history) in [(501, "0.10", true), (502, "0.20", false), (501, "0.15", true)] {
            let body = #"{"order_id":\#(id),"total":"\#(total)","currency":"USD","order_date":"2026-06-2\#(id % 10)T10:00:00Z","email":"buyer@example.com","accepts_email_marketing":true,"initial_sync":\#(history)}"#
            #expect([200, 201].contains(try await pair.http.postJSON(pair.edgeURL + "/v1/orders/placed", token: pair.edgeAdmin, body: body)))
        }
        let status = try await pair.waitForSync()
        #expect(status["dead_letters"]?.intValue == 0)
        for (id, total, history) in [(501, "0.15", true), (502, "0.20", false)] {
            let order = try await pair.http.json(.GET, pair.upstreamURL + "/v1/orders/\(id)", token: pair.upstreamAdmin).json["data"]
            #expect(order?["total_amount"]?.stringValue == total)
            #expect(order?["initial_sync"] == .bool(history))
        }
        let upstream = try await pair.contacts(at: pair.upstreamURL, token: pair.upstreamAdmin)
        #expect(upstream.count == 1)
        #expect(upstream["buyer@example.com"]?["email_consent"] == "subscribed")
        let edgeStats = try await pair.http.json(.GET, pair.edgeURL + "/v1/contacts?email=buyer@example.com", token: pair.edgeAdmin).json["data"]?[0]?["order_stats"]
        let upstreamStats = try await pair.http.json(.GET, pair.upstreamURL + "/v1/contacts?email=buyer@example.com", token: pair.upstreamAdmin).json["data"]?[0]?["order_stats"]
        #expect(upstreamStats?["total_spent"] == ["USD": "0.35"])
        #expect(upstreamStats == edgeStats)
        pair.shutdown()
    }

    @Test("orders of contacts deleted here reach the upstream, and their contacts stay deleted there")
    func ordersOfDeletedContacts() async throws {
        let pair = try SyncPair()
        try pair.startUpstream()
        try pair.startEdge()
        let synced = try await pair.http.json(.POST, pair.edgeURL + "/v1/contacts", token: pair.edgeAdmin, body: #"{"email":"synced@example.com"}"#)
        let syncedID = try #require(synced.json["data"]?["id"]?.stringValue)
        try await pair.waitForSync()
        pair.stopUpstream()
        // One contact the upstream has, one only an order created; each gets an order, then is deleted.
        for (id, email) in [(601, "synced"), (602, "unsynced")] {
            let body = #"{"order_id":\#(id),"total":"5.00","currency":"USD","order_date":"2026-06-01T10:00:00Z","email":"\#(email)@example.com","accepts_email_marketing":true}"#
            #expect(try await pair.http.postJSON(pair.edgeURL + "/v1/orders/placed", token: pair.edgeAdmin, body: body) == 201)
        }
        let unsyncedID = try #require(try await pair.http.json(.GET, pair.edgeURL + "/v1/contacts?email=unsynced@example.com", token: pair.edgeAdmin).json["data"]?[0]?["id"]?.stringValue)
        for id in [syncedID, unsyncedID] {
            #expect(try await pair.http.json(.DELETE, pair.edgeURL + "/v1/contacts/\(id)", token: pair.edgeAdmin).status == 200)
        }
        try pair.startUpstream()
        let status = try await pair.waitForSync()
        #expect(status["dead_letters"]?.intValue == 0)
        try await expectConverged(pair, orders: [601, 602])
        #expect(try await pair.contacts(at: pair.upstreamURL, token: pair.upstreamAdmin).isEmpty)
        for id in [601, 602] {
            let order = try await pair.http.json(.GET, pair.upstreamURL + "/v1/orders/\(id)", token: pair.upstreamAdmin).json["data"]
            let contact = try #require(order?["contact_id"]?.stringValue)
            #expect(try await pair.http.get(pair.upstreamURL + "/v1/contacts/\(contact)", token: pair.upstreamAdmin) == 404)
        }
        pair.shutdown()
    }

    @Test("an opt-out made upstream survives an edge change that touches only the name")
    func staleConsent() async throws {
        let pair = try SyncPair()
        try pair.startUpstream()
        try pair.startEdge()
        let created = try await pair.http.json(.POST, pair.edgeURL + "/v1/contacts", token: pair.edgeAdmin, body: #"{"email":"stale@example.com","email_consent":"subscribed","phone_number":"+15555550124","sms_consent":"single_opt_in"}"#)
        let edgeID = try #require(created.json["data"]?["id"]?.stringValue)
        try await pair.waitForSync()
        let upstreamID = try #require(try await pair.http.json(.GET, pair.upstreamURL + "/v1/contacts?email=stale@example.com", token: pair.upstreamAdmin).json["data"]?[0]?["id"]?.stringValue)
        let optOut = try await pair.http.json(.PATCH, pair.upstreamURL + "/v1/contacts/\(upstreamID)", token: pair.upstreamAdmin, body: #"{"email_consent":"unsubscribed","sms_consent":"unsubscribed"}"#)
        #expect(optOut.status == 200)
        #expect(try await pair.http.json(.PATCH, pair.edgeURL + "/v1/contacts/\(edgeID)", token: pair.edgeAdmin, body: #"{"first_name":"Renamed"}"#).status == 200)
        try await pair.waitForSync()
        let upstream = try await pair.http.json(.GET, pair.upstreamURL + "/v1/contacts/\(upstreamID)", token: pair.upstreamAdmin).json["data"]
        #expect(upstream?["first_name"] == "Renamed")
        #expect(upstream?["email_consent"] == "unsubscribed")
        #expect(upstream?["sms_consent"] == "unsubscribed")
        pair.shutdown()
    }

    @Test("a change the upstream refuses with 422 is dead-lettered, the rest syncs, and a retry after a fix delivers it")
    func deadLetter() async throws {
        let pair = try SyncPair()
        try pair.startUpstream()
        try pair.startEdge()
        let blocked = try await pair.http.json(.POST, pair.edgeURL + "/v1/contacts", token: pair.edgeAdmin, body: #"{"email":"blocked@example.com"}"#)
        let blockedID = try #require(blocked.json["data"]?["id"]?.stringValue)
        try await pair.waitForSync()
        let upstreamID = try #require(try await pair.http.json(.GET, pair.upstreamURL + "/v1/contacts?email=blocked@example.com", token: pair.upstreamAdmin).json["data"]?[0]?["id"]?.stringValue)
        let suppress = try await pair.http.json(.POST, pair.upstreamURL + "/v1/admin/contacts/\(upstreamID)/consent", token: pair.upstreamAdmin, body: #"{"email_consent":"compliance_suppressed"}"#)
        #expect(suppress.status == 200)

        #expect(try await pair.http.json(.PATCH, pair.edgeURL + "/v1/contacts/\(blockedID)", token: pair.edgeAdmin, body: #"{"email_consent":"subscribed"}"#).status == 200)
        for n in 0..<5 {
            #expect(try await pair.http.postJSON(pair.edgeURL + "/v1/contacts", token: pair.edgeAdmin, body: #"{"email":"fine\#(n)@example.com"}"#) == 201)
        }
        var status = try await pair.waitForSync()
        #expect(status["dead_letters"]?.intValue == 1)
        let upstream = try await pair.contacts(at: pair.upstreamURL, token: pair.upstreamAdmin)
        #expect((0..<5).allSatisfy { upstream["fine\($0)@example.com"] != nil }, "the rest of the backlog must sync")
        let list = try EdgeBinary.run(["sync", "dead-letters", "list", "--data-dir", pair.edgeDirectory])
        #expect(list.status == 0)
        #expect(list.output.contains(blockedID) && list.output.contains("422") && list.output.contains("email_consent"), "\(list.output)")
        let letterID = try #require(list.output.split(separator: "\n").dropFirst().first?.split(separator: " ").first.map(String.init))

        let lift = try await pair.http.json(.POST, pair.upstreamURL + "/v1/admin/contacts/\(upstreamID)/consent", token: pair.upstreamAdmin, body: #"{"email_consent":"never_subscribed"}"#)
        #expect(lift.status == 200)
        #expect(try EdgeBinary.run(["sync", "dead-letters", "retry", letterID, "--data-dir", pair.edgeDirectory]).status == 0)
        status = try await pair.waitForSync()
        #expect(status["dead_letters"]?.intValue == 0)
        let fixed = try await pair.http.json(.GET, pair.upstreamURL + "/v1/contacts/\(upstreamID)", token: pair.upstreamAdmin).json["data"]
        #expect(fixed?["email_consent"] == "subscribed")
        #expect(try EdgeBinary.run(["sync", "dead-letters", "drop", letterID, "--data-dir", pair.edgeDirectory]).status != 0, "a retried letter is gone")
        pair.shutdown()
    }

    @Test("1,000 updates to one contact reach the upstream in a handful of calls")
    func hotKey() async throws {
        let pair = try SyncPair()
        try pair.startUpstream()
        try pair.startEdge(["--upstream-budget-per-minute": "12"])
        let created = try await pair.http.json(.POST, pair.edgeURL + "/v1/contacts", token: pair.edgeAdmin, body: #"{"email":"hot@example.com"}"#)
        let id = try #require(created.json["data"]?["id"]?.stringValue)
        try await updateConcurrently(1_000) { n in
            let response = try await pair.http.json(.PATCH, pair.edgeURL + "/v1/contacts/\(id)", token: pair.edgeAdmin, body: #"{"first_name":"Hot \#(n)","custom_fields":{"n":\#(n)}}"#)
            #expect(response.status == 200)
        }
        try await expectHandfulOfCalls(pair)
        pair.shutdown()
    }

    @Test("1,000 updates to one order reach the upstream in a handful of calls, with its last state")
    func hotOrder() async throws {
        let pair = try SyncPair()
        try pair.startUpstream()
        try pair.startEdge(["--upstream-budget-per-minute": "12"])
        try await updateConcurrently(1_000) { n in
            let body = #"{"order_id":7,"total":"\#(n).50","currency":"USD","order_date":"2026-06-01T10:00:00Z","email":"hot-order@example.com","financial_status":"s\#(n)"}"#
            let status = try await pair.http.postJSON(pair.edgeURL + "/v1/orders/placed", token: pair.edgeAdmin, body: body)
            #expect([200, 201].contains(status))
        }
        try await expectHandfulOfCalls(pair, orders: [7])
        pair.shutdown()
    }

    @Test("a second serve on a data directory refuses to start; sync status says whether the exporter runs")
    func oneServerPerDataDirectory() async throws {
        let pair = try SyncPair()
        func exporterRow() throws -> String {
            let output = try EdgeBinary.run(["sync", "status", "--data-dir", pair.edgeDirectory]).output
            return output.split(separator: "\n").first { $0.hasPrefix("exporter ") }.map(String.init) ?? output
        }
        #expect(try exporterRow().contains("not running: no server is serving this data directory"))
        try pair.startEdge(credentials: [:])
        let first = try #require(pair.edge?.process.processIdentifier)
        #expect(try await pair.status()["exporter"] == "off")
        #expect(try exporterRow().contains("off: the server (process \(first)) has no upstream credentials"))
        do {
            let second = try ServerProcess(dataDirectory: pair.edgeDirectory, extraArguments: ["--upstream-token", pair.exporterToken])
            second.stop(with: SIGTERM)
            Issue.record("a second server started on \(pair.edgeDirectory)")
        } catch let error as FixtureError {
            #expect(error.description.contains("is already served by process \(first)"), "\(error)")
        }
        #expect(try await pair.http.postJSON(pair.edgeURL + "/v1/contacts", token: pair.edgeAdmin, body: #"{"email":"still@example.com"}"#) == 201, "the first server is untouched")
        #expect(pair.stopEdge() == 0)

        try pair.startUpstream()
        try pair.startEdge()
        let status = try await pair.waitForSync()
        #expect(status["exporter"] == "running")
        #expect(status["upstream"]?.stringValue == pair.upstreamURL + "/v1")
        #expect(try exporterRow().contains("running in process \(try #require(pair.edge?.process.processIdentifier)), to \(pair.upstreamURL)/v1"))
        pair.shutdown()
    }

    @Test("OAuth client credentials are exchanged at /oauth/token, and exchanged again after a 401")
    func clientCredentials() async throws {
        let pair = try SyncPair()
        let client = try EdgeBinary.run(["clients", "create", "--data-dir", pair.upstreamDirectory, "--scopes", "contacts_write,orders_write"])
        func value(_ name: String) throws -> String {
            try #require(client.output.split(separator: "\n").first { $0.hasPrefix(name + ": ") }.map { String($0.dropFirst(name.count + 2)) })
        }
        try pair.startUpstream()
        try pair.startEdge(credentials: ["--upstream-client-id": try value("client_id"), "--upstream-client-secret": try value("client_secret")])
        for n in 0..<10 {
            #expect(try await pair.http.postJSON(pair.edgeURL + "/v1/contacts", token: pair.edgeAdmin, body: #"{"email":"o\#(n)@example.com"}"#) == 201)
        }
        try await pair.waitForSync()
        // Revoke the access token the exporter obtained: its next call gets 401.
        let exchanged = try EdgeBinary.run(["tokens", "list", "--data-dir", pair.upstreamDirectory]).output
            .split(separator: "\n").filter { !$0.contains("never") && $0.hasPrefix("tok_") }.map { String($0.prefix { $0 != " " }) }
        #expect(exchanged.count == 1)
        for id in exchanged {
            #expect(try EdgeBinary.run(["tokens", "revoke", "--data-dir", pair.upstreamDirectory, id]).status == 0)
        }
        // The upstream trusts a token it verified for up to a second; after that the revocation holds.
        try await Task.sleep(for: .milliseconds(1_100))
        for n in 10..<20 {
            #expect(try await pair.http.postJSON(pair.edgeURL + "/v1/contacts", token: pair.edgeAdmin, body: #"{"email":"o\#(n)@example.com"}"#) == 201)
        }
        let status = try await pair.waitForSync()
        try await expectConverged(pair)
        #expect(try await pair.contacts(at: pair.upstreamURL, token: pair.upstreamAdmin).count == 20)
        #expect(status["dead_letters"]?.intValue == 0)
        let tokens = try EdgeBinary.run(["tokens", "list", "--data-dir", pair.upstreamDirectory]).output
        #expect(tokens.split(separator: "\n").filter { !$0.contains("never") && $0.hasPrefix("tok_") }.count == 2, "one token revoked, one exchanged after the 401")
        #expect(pair.upstream?.log.components(separatedBy: "sync to the upstream is off").count == 2, "an upstream without credentials says so once")
        pair.shutdown()
    }
}

/// The drain of a large offline backlog against a rate-limited upstream: run on demand with
/// `PRIVY_EDGE_SYNC_BENCH=1 swift test --filter SyncBenchmark` (optionally with
/// `PRIVY_EDGE_BINARY` pointing at a release build, and `PRIVY_EDGE_SYNC_BENCH_OPERATIONS` for
/// another number of writes than 150,000); prints the coalescing ratio and drain rate of the
/// same backlog at each concurrency.
@Suite("Sync benchmark", .serialized, .enabled(if: ProcessInfo.processInfo.environment["PRIVY_EDGE_SYNC_BENCH"] != nil))
struct SyncBenchmark {
    /// The upstream's limit and the edge's budget: both 100 calls a second, Privy's minute
    /// window shrunk a hundredfold so the drain takes minutes rather than hours.
    private static let limitPerSecond = 100

    @Test("a backlog of contacts and orders over 10,000 people, written offline once, drains against an upstream limited to 100 calls a second with 1, 4 and 8 calls in flight")
    func drain() async throws {
        let operations = ProcessInfo.processInfo.environment["PRIVY_EDGE_SYNC_BENCH_OPERATIONS"].flatMap { Int($0) } ?? 150_000
        let pair = try SyncPair()
        try pair.startEdge(credentials: [:])
        let writing = ContinuousClock.now
        let writes = try await MixedWorkload(seed: 99, people: 10_000).run(operations: operations, workers: 8, against: pair.edgeURL, token: pair.edgeAdmin, http: pair.http)
        let backlog = try #require(try await pair.status()["backlog"]?.intValue)
        print("sync benchmark: \(writes.accepted) accepted writes (\(writes.orderIDs.count) orders) in \(ContinuousClock.now - writing) → backlog of \(backlog) changes")
        pair.stopEdge()
        try pair.snapshot()
        func figure(_ value: Double) -> String { String(format: "%.2f", value) }
        for concurrency in [1, 4, 8] {
            try pair.restoreSnapshot()
            try pair.startUpstream(["--rate-limit", "\(Self.limitPerSecond)/1s"])
            let draining = ContinuousClock.now
            try pair.startEdge(["--upstream-budget-per-minute": "\(Self.limitPerSecond * 60)", "--sync-concurrency": "\(concurrency)"])
            let status = try await pair.waitForSync(timeout: .seconds(3_600))
            let drainTime = ContinuousClock.now - draining
            let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
            try await expectConverged(pair, orders: writes.orderIDs)
            let calls = try #require(status["calls_made"]?.intValue)
            let seconds = Double(drainTime.components.seconds) + Double(drainTime.components.attoseconds) / 1e18
            print("""
                sync benchmark, concurrency \(concurrency), load average \(load): drained in \(drainTime) with \(calls) upstream calls, \
                \(status["throttled_responses"]?.intValue ?? 0) of them refused (429): \(figure(Double(backlog) / Double(calls))) changes per call, \
                \(figure(Double(backlog) / seconds)) changes/s, \(figure(Double(calls) / seconds)) calls/s = \
                \(figure(Double(calls) / seconds / Double(Self.limitPerSecond) * 100)) % of the \(Self.limitPerSecond)/s limit and budget; \
                at Privy's 60 calls a minute the same backlog takes \(calls / 60) minutes
                """)
            #expect(status["dead_letters"]?.intValue == 0)
            pair.stopEdge()
            pair.stopUpstream()
        }
        pair.shutdown()
    }
}

/// Runs `write(n)` for `n` in `1...count` from eight concurrent writers.
func updateConcurrently(_ count: Int, _ write: @escaping @Sendable (Int) async throws -> Void) async throws {
    try await withThrowingTaskGroup(of: Void.self) { group in
        for writer in 0..<8 {
            group.addTask {
                for n in stride(from: writer + 1, through: count, by: 8) { try await write(n) }
            }
        }
        try await group.waitForAll()
    }
}

/// Waits for the edge to deliver 1,001 changes to one hot entity (the first creates the contact)
/// and checks that they converged in a handful of upstream calls.
private func expectHandfulOfCalls(_ pair: SyncPair, orders: Set<Int> = [], sourceLocation: SourceLocation = #_sourceLocation) async throws {
    let status = try await pair.waitForSync()
    try await expectConverged(pair, orders: orders, sourceLocation: sourceLocation)
    let calls = try #require(status["calls_made"]?.intValue, sourceLocation: sourceLocation)
    #expect(calls <= 5, "1,001 local changes took \(calls) upstream calls", sourceLocation: sourceLocation)
    #expect(status["changes_delivered"]?.intValue == 1_001, sourceLocation: sourceLocation)
}

/// Compares every contact field replication carries (order stats included), and the given
/// orders with the contact each is linked to, on both sides.
func expectConverged(_ pair: SyncPair, orders: Set<Int> = [], sourceLocation: SourceLocation = #_sourceLocation) async throws {
    let edge = try await pair.contacts(at: pair.edgeURL, token: pair.edgeAdmin)
    let upstream = try await pair.contacts(at: pair.upstreamURL, token: pair.upstreamAdmin)
    #expect(edge.count == upstream.count, "edge \(edge.count) contacts, upstream \(upstream.count)", sourceLocation: sourceLocation)
    for (key, contact) in edge where upstream[key] != contact {
        Issue.record("\(key): edge \(contact.serializedString()) upstream \(upstream[key]?.serializedString() ?? "missing")", sourceLocation: sourceLocation)
    }
    let edgeOrders = try await pair.orders(orders, at: pair.edgeURL, token: pair.edgeAdmin)
    let upstreamOrders = try await pair.orders(orders, at: pair.upstreamURL, token: pair.upstreamAdmin)
    for (id, order) in edgeOrders.sorted(by: { $0.key < $1.key }) where upstreamOrders[id] != order {
        Issue.record("order \(id): edge \(order.serializedString()) upstream \(upstreamOrders[id]?.serializedString() ?? "missing")", sourceLocation: sourceLocation)
    }
}
