import AsyncHTTPClient
import Foundation
import NIOHTTP1
import PrivyJSON
import Testing

/// Consent coming back down, end to end: an edge privy-edge replicating through a recording
/// upstream (which checks every call against openapi.yaml) to an upstream privy-edge; all of it
/// real processes and servers on loopback.
@Suite("Consent pull and concurrent sync, edge and upstream as real processes", .serialized)
struct ConsentPullTests {
    /// A pair with the upstream running, a recorder in front of it, and the edge started through
    /// the recorder with `settings`.
    private func start(_ settings: [String: String] = [:], upstream: [String] = []) async throws -> (SyncPair, RecordingUpstream) {
        let pair = try SyncPair()
        try pair.startUpstream(upstream)
        let recorder = try await RecordingUpstream(forwardingTo: pair.upstreamURL)
        try pair.startEdge(settings.merging(["--upstream": recorder.baseURL]) { $1 })
        return (pair, recorder)
    }

    private func finish(_ pair: SyncPair, _ recorder: RecordingUpstream, sourceLocation: SourceLocation = #_sourceLocation) async {
        #expect(recorder.violations == [], "calls outside openapi.yaml", sourceLocation: sourceLocation)
        await recorder.stop()
        pair.shutdown()
    }

    /// Creates a contact on the edge, waits until it is upstream, and returns both ids.
    private func syncedContact(_ pair: SyncPair, _ body: String, email: String) async throws -> (edge: String, upstream: String) {
        let created = try await pair.http.json(.POST, pair.edgeURL + "/v1/contacts", token: pair.edgeAdmin, body: body)
        let edgeID = try #require(created.json["data"]?["id"]?.stringValue)
        try await pair.waitForSync()
        let listed = try await pair.http.json(.GET, pair.upstreamURL + "/v1/contacts?email=\(email)", token: pair.upstreamAdmin)
        return (edgeID, try #require(listed.json["data"]?[0]?["id"]?.stringValue))
    }

    private func edgeContact(_ pair: SyncPair, _ id: String) async throws -> JSONValue {
        try await pair.http.json(.GET, pair.edgeURL + "/v1/contacts/\(id)", token: pair.edgeAdmin).json["data"] ?? .null
    }

    /// Waits until `count` more consent pulls have finished; with `count` 2 at least one whole
    /// pull started after the call.
    private func waitForPulls(_ pair: SyncPair, count: Int = 2, timeout: Duration = .seconds(60)) async throws {
        let deadline = ContinuousClock.now + timeout
        var last = try await pair.status()["pull"]?["last_pull"]?["finished_at"]
        var seen = 0
        while seen < count {
            guard ContinuousClock.now < deadline else { throw FixtureError("no consent pull finished: \(try await pair.status().serializedString())") }
            try await Task.sleep(for: .milliseconds(50))
            let now = try await pair.status()["pull"]?["last_pull"]?["finished_at"]
            if now != last {
                seen += 1
                last = now
            }
        }
    }

    @Test("an opt-out made upstream reaches the edge within one pull, audited as upstream, and is never sent back")
    func optOutComesDown() async throws {
        let (pair, recorder) = try await start(["--sync-pull-interval": "0s"])
        let (edgeID, upstreamID) = try await syncedContact(
            pair, #"{"email":"down@example.com","email_consent":"subscribed","phone_number":"+15555550131","sms_consent":"single_opt_in"}"#, email: "down@example.com"
        )
        let optOut = try await pair.http.json(.PATCH, pair.upstreamURL + "/v1/contacts/\(upstreamID)", token: pair.upstreamAdmin, body: #"{"email_consent":"unsubscribed","sms_consent":"unsubscribed"}"#)
        #expect(optOut.status == 200)
        let before = recorder.calls.count
        try await waitForPulls(pair)
        let contact = try await edgeContact(pair, edgeID)
        #expect(contact["email_consent"] == "unsubscribed")
        #expect(contact["sms_consent"] == "unsubscribed")
        let events = try await pair.http.json(.GET, pair.edgeURL + "/v1/contacts/\(edgeID)/consent_events", token: pair.edgeAdmin).json["data"]?.arrayValue ?? []
        #expect(events.suffix(2).map { $0["source"]?.stringValue } == ["upstream", "upstream"])
        let status = try await pair.waitForSync()
        #expect(status["dead_letters"]?.intValue == 0)
        let after = recorder.calls.dropFirst(before)
        #expect(after.allSatisfy { $0.method == "GET" }, "the pulled opt-out went back up: \(after.filter { $0.method != "GET" })")
        #expect(after.contains { $0.path == "/v1/contacts" && $0.query == "email_consent=unsubscribed&page=1&per_page=100" })
        #expect(after.contains { $0.path == "/v1/contacts" && $0.query == "sms_consent=pending&page=1&per_page=100" })
        let pull = try #require(status["pull"]?["last_pull"])
        #expect((pull["calls"]?.intValue ?? 0) >= 5, "one call per listing at least")
        #expect(status["pull"]?["interval_seconds"]?.intValue == 0)
        // The other status surfaces: the CLI, the status page's JSON and the metrics.
        let cli = try EdgeBinary.run(["sync", "status", "--data-dir", pair.edgeDirectory]).output
        #expect(cli.contains("last pull") && cli.contains("contacts changed") && cli.contains("next pull"), "\(cli)")
        let admin = try #require(pair.edge?.adminURL)
        let page = try JSONParser.parse(Array(try await pair.http.fetch(admin + "/status.json").text.utf8))
        #expect(page["sync"]?["pull"]?["enabled"] == true)
        #expect(page["sync"]?["pull"]?["last_finished_at"]?.stringValue != nil)
        let metrics = try await pair.http.fetch(admin + "/metrics").text
        for name in ["privy_edge_sync_pull_last_finished_timestamp_seconds", "privy_edge_sync_pull_last_contacts_changed_contacts",
                     "privy_edge_sync_pull_last_calls", "privy_edge_sync_pull_next_timestamp_seconds"] {
            #expect(metrics.contains(name), "\(name) is missing from /metrics")
        }
        await finish(pair, recorder)
    }

    @Test("credentials without contacts_read: the pull's reads are refused and skipped, and export goes on at full speed")
    func pullWithoutReadScope() async throws {
        let pair = try SyncPair()
        try pair.startUpstream()
        let writeOnly = try EdgeBinary.mintToken(dataDirectory: pair.upstreamDirectory, scopes: "contacts_write,orders_write")
        let recorder = try await RecordingUpstream(forwardingTo: pair.upstreamURL)
        try pair.startEdge(["--upstream": recorder.baseURL, "--sync-pull-interval": "0s", "--sync-backoff-base": "5s", "--sync-backoff-cap": "5s"], credentials: ["--upstream-token": writeOnly])
        try await waitForPulls(pair)
        for n in 1...20 {
            #expect(try await pair.http.postJSON(pair.edgeURL + "/v1/contacts", token: pair.edgeAdmin, body: #"{"email":"w\#(n)@example.com"}"#) == 201)
        }
        try await pair.waitForSync(timeout: .seconds(4))
        #expect(recorder.calls.contains { $0.method == "GET" && $0.status == 403 })
        #expect(try await pair.status()["pull"]?["last_pull"]?["contacts_changed"]?.intValue == 0)
        await finish(pair, recorder)
    }

    @Test("a compliance suppression made upstream makes the edge refuse any write to that contact, consent or not")
    func complianceSuppression() async throws {
        let (pair, recorder) = try await start(["--sync-pull-interval": "0s"])
        let (edgeID, upstreamID) = try await syncedContact(pair, #"{"email":"held@example.com","email_consent":"subscribed","first_name":"Held"}"#, email: "held@example.com")
        let suppressed = try await pair.http.json(.POST, pair.upstreamURL + "/v1/admin/contacts/\(upstreamID)/consent", token: pair.upstreamAdmin, body: #"{"email_consent":"compliance_suppressed"}"#)
        #expect(suppressed.status == 200)
        try await waitForPulls(pair)
        #expect(try await edgeContact(pair, edgeID)["email_consent"] == "compliance_suppressed")
        for body in [#"{"email_consent":"subscribed"}"#, #"{"first_name":"Renamed"}"#] {
            let refused = try await pair.http.json(.PATCH, pair.edgeURL + "/v1/contacts/\(edgeID)", token: pair.edgeAdmin, body: body)
            #expect(refused.status == 422, "\(body)")
            #expect(refused.json["error"]?["details"]?[0]?["message"]?.stringValue?.contains("compliance_suppressed") == true, "\(body)")
        }
        let contact = try await edgeContact(pair, edgeID)
        #expect(contact["email_consent"] == "compliance_suppressed")
        #expect(contact["first_name"] == "Held")
        await finish(pair, recorder)
    }

    @Test("local opt-outs go first: before the backlog's other writes and before the pull's reads")
    func optOutsGoFirst() async throws {
        let (pair, recorder) = try await start()
        let (edgeID, upstreamID) = try await syncedContact(pair, #"{"email":"first@example.com","email_consent":"subscribed"}"#, email: "first@example.com")
        // A backlog written while the upstream refuses writes: twenty new contacts, then the opt-out.
        recorder.failsWrites = true
        for n in 1...20 {
            #expect(try await pair.http.postJSON(pair.edgeURL + "/v1/contacts", token: pair.edgeAdmin, body: #"{"email":"queued\#(n)@example.com"}"#) == 201)
        }
        #expect(try await pair.http.json(.PATCH, pair.edgeURL + "/v1/contacts/\(edgeID)", token: pair.edgeAdmin, body: #"{"email_consent":"unsubscribed"}"#).status == 200)
        pair.stopEdge()
        recorder.failsWrites = false
        // Restarted with a pull due at once, the edge finds the whole backlog in its first plan.
        let before = recorder.calls.count
        try pair.startEdge(["--upstream": recorder.baseURL, "--sync-pull-interval": "0s"])
        try await pair.waitForSync()
        let calls = Array(recorder.calls.dropFirst(before))
        let first = try #require(calls.first)
        #expect(first.method == "PATCH" && first.path == "/v1/contacts/\(upstreamID)" && first.body.contains("unsubscribed"), "\(calls.prefix(3))")
        #expect(calls.filter { $0.method == "POST" && $0.status == 201 }.count == 20)
        let upstream = try await pair.http.json(.GET, pair.upstreamURL + "/v1/contacts/\(upstreamID)", token: pair.upstreamAdmin)
        #expect(upstream.json["data"]?["email_consent"] == "unsubscribed")
        await finish(pair, recorder)
    }

    @Test("a local opt-in made after an upstream opt-out survives pulls while it is undelivered, then reaches the upstream")
    func localOptInWins() async throws {
        let (pair, recorder) = try await start(["--sync-pull-interval": "0s"])
        let (edgeID, upstreamID) = try await syncedContact(pair, #"{"email":"again@example.com","email_consent":"subscribed"}"#, email: "again@example.com")
        _ = try await pair.http.json(.PATCH, pair.upstreamURL + "/v1/contacts/\(upstreamID)", token: pair.upstreamAdmin, body: #"{"email_consent":"unsubscribed"}"#)
        try await waitForPulls(pair)
        #expect(try await edgeContact(pair, edgeID)["email_consent"] == "unsubscribed")
        recorder.failsWrites = true
        let optIn = try await pair.http.json(.PATCH, pair.edgeURL + "/v1/contacts/\(edgeID)", token: pair.edgeAdmin, body: #"{"email_consent":"subscribed"}"#)
        #expect(optIn.status == 200)
        try await waitForPulls(pair)
        #expect(recorder.calls.contains { $0.method == "PATCH" && $0.status == 503 }, "the opt-in must have been held back while the pulls ran")
        #expect(try await pair.status()["backlog"]?.intValue == 1)
        #expect(try await edgeContact(pair, edgeID)["email_consent"] == "subscribed", "the undelivered local opt-in is newer than the upstream opt-out")
        recorder.failsWrites = false
        try await pair.waitForSync()
        let upstream = try await pair.http.json(.GET, pair.upstreamURL + "/v1/contacts/\(upstreamID)", token: pair.upstreamAdmin)
        #expect(upstream.json["data"]?["email_consent"] == "subscribed")
        try await waitForPulls(pair)
        #expect(try await edgeContact(pair, edgeID)["email_consent"] == "subscribed")
        await finish(pair, recorder)
    }

    @Test("with 10,000 upstream opt-outs the pull stays within its share of the day budget, and resumes from its page after a restart")
    func pullShare() async throws {
        let pair = try SyncPair()
        try pair.startUpstream()
        try await updateConcurrently(10_000) { n in
            let status = try await pair.http.postJSON(pair.upstreamURL + "/v1/contacts", token: pair.upstreamAdmin, body: #"{"email":"out\#(n)@example.com","email_consent":"unsubscribed"}"#)
            if status != 201 { throw FixtureError("upstream create answered \(status)") }
        }
        let recorder = try await RecordingUpstream(forwardingTo: pair.upstreamURL)
        // 20 % of 100 calls a day: 20 pull calls, 20 of the 100 pages of opt-outs.
        let budget = ["--upstream": recorder.baseURL, "--upstream-budget-per-day": "100", "--sync-pull-interval": "0s"]
        try pair.startEdge(budget)
        var status = try await waitForStatus(pair) { $0["pull"]?["waiting_for_share"] == true }
        try await Task.sleep(for: .milliseconds(500))
        var pulls = recorder.calls.filter { $0.method == "GET" }
        #expect(pulls.count == 20, "the pull made \(pulls.count) calls")
        #expect(pulls.map(\.query) == (1...20).map { "email_consent=unsubscribed&page=\($0)&per_page=100" })
        #expect(status["pull"]?["in_progress"]?["page"]?.intValue == 21)
        #expect(status["pull"]?["share_calls_used"]?.intValue == 20)
        #expect(status["pull"]?["calls_per_day"]?.intValue == 20)
        // Outgoing work still goes: the exporter's budget is not the pull's share.
        #expect(try await pair.http.postJSON(pair.edgeURL + "/v1/contacts", token: pair.edgeAdmin, body: #"{"email":"new@example.com"}"#) == 201)
        try await pair.waitForSync()
        // A restart keeps the page and the used share: nothing more is pulled today…
        pair.stopEdge()
        try pair.startEdge(budget)
        try await pair.waitForSync()
        try await Task.sleep(for: .milliseconds(500))
        #expect(recorder.calls.filter { $0.method == "GET" }.count == 20)
        // …and a larger share resumes from page 21, not from the start.
        pair.stopEdge()
        try pair.startEdge(budget.merging(["--sync-pull-share": "40"]) { $1 })
        status = try await waitForStatus(pair) { $0["pull"]?["waiting_for_share"] == true }
        pulls = Array(recorder.calls.filter { $0.method == "GET" }.dropFirst(20))
        #expect(pulls.map(\.query) == (21...40).map { "email_consent=unsubscribed&page=\($0)&per_page=100" })
        #expect(status["pull"]?["in_progress"]?["calls"]?.intValue == 40)
        await finish(pair, recorder)
    }

    @Test("on a 409 the edge reads the upstream contact once and adopts its consent where its own was only a default")
    func conflictAdoption() async throws {
        let (pair, recorder) = try await start()
        let upstreamID = try #require(try await pair.http.json(.POST, pair.upstreamURL + "/v1/contacts", token: pair.upstreamAdmin,
            body: #"{"email":"shop@example.com","email_consent":"subscribed"}"#).json["data"]?["id"]?.stringValue)
        _ = try await pair.http.json(.POST, pair.upstreamURL + "/v1/contacts", token: pair.upstreamAdmin, body: #"{"email":"chose@example.com","email_consent":"subscribed"}"#)
        let order = #"{"order_id": 7001, "total": "12.00", "currency": "USD", "order_date": "2026-05-01T10:00:00Z", "email": "shop@example.com"}"#
        #expect(try await pair.http.postJSON(pair.edgeURL + "/v1/orders/placed", token: pair.edgeAdmin, body: order) == 201)
        #expect(try await pair.http.postJSON(pair.edgeURL + "/v1/contacts", token: pair.edgeAdmin, body: #"{"email":"chose@example.com","email_consent":"unsubscribed"}"#) == 201)
        try await pair.waitForSync()
        let edge = try await pair.contacts(at: pair.edgeURL, token: pair.edgeAdmin)
        let upstream = try await pair.contacts(at: pair.upstreamURL, token: pair.upstreamAdmin)
        #expect(edge["shop@example.com"]?["email_consent"] == "subscribed", "a default takes the upstream's consent")
        #expect(upstream["shop@example.com"]?["email_consent"] == "subscribed")
        #expect(edge["chose@example.com"]?["email_consent"] == "unsubscribed", "a consent given here stays")
        #expect(upstream["chose@example.com"]?["email_consent"] == "unsubscribed", "and goes up")
        let reads = recorder.calls.filter { $0.method == "GET" }
        #expect(reads.count == 2, "one read per 409: \(reads)")
        let shopCalls = recorder.calls.filter { $0.body.contains("shop@example.com") || $0.path.hasSuffix(upstreamID) }
            .map { "\($0.method) \($0.path == "/v1/orders/placed" ? "order" : "contact") \($0.status)" }
        #expect(shopCalls.prefix(2) == ["POST contact 409", "GET contact 200"])
        #expect(shopCalls.last == "POST order 201", "the order goes after its contact")
        let listed = try await pair.http.json(.GET, pair.edgeURL + "/v1/contacts?email=shop@example.com", token: pair.edgeAdmin)
        let edgeID = try #require(listed.json["data"]?[0]?["id"]?.stringValue)
        let events = try await pair.http.json(.GET, pair.edgeURL + "/v1/contacts/\(edgeID)/consent_events", token: pair.edgeAdmin).json["data"]?.arrayValue ?? []
        #expect(events.map { $0["source"]?.stringValue } == ["upstream"])
        await finish(pair, recorder)
    }

    @Test("with 8 calls in flight, no entity has two at once, every order follows its contact, and both sides converge exactly")
    func concurrency() async throws {
        let (pair, recorder) = try await start(["--sync-concurrency": "8"])
        let writes = try await MixedWorkload(seed: 23, people: 200).run(operations: 2_000, workers: 4, against: pair.edgeURL, token: pair.edgeAdmin, http: pair.http)
        let status = try await pair.waitForSync()
        try await expectConverged(pair, orders: writes.orderIDs)
        #expect(status["dead_letters"]?.intValue == 0)
        let calls = recorder.calls
        var byEntity: [String: [RecordingUpstream.Call]] = [:]
        for call in calls { byEntity[entity(of: call), default: []].append(call) }
        for (key, entityCalls) in byEntity {
            let sorted = entityCalls.sorted { $0.arrived < $1.arrived }
            for (earlier, later) in zip(sorted, sorted.dropFirst()) where later.arrived < earlier.answered {
                Issue.record("two calls in flight for \(key): \(earlier) and \(later)")
            }
        }
        for call in calls where call.path == "/v1/orders/placed" {
            guard let email = json(call.body)["email"]?.stringValue?.lowercased() else { continue }
            if let create = calls.first(where: { $0.method == "POST" && $0.path == "/v1/contacts" && json($0.body)["email"]?.stringValue?.lowercased() == email }),
               create.answered > call.arrived {
                Issue.record("order \(call.body) went before its contact's create \(create)")
            }
        }
        #expect(zip(calls, calls.dropFirst()).contains { later, earlier in earlier.arrived < later.answered && later.arrived < earlier.answered },
                "calls should have overlapped with a concurrency of 8")
        await finish(pair, recorder)
    }
}

/// What a recorded call is about: an upstream contact id, an order id, or a created contact's email.
private func entity(of call: RecordingUpstream.Call) -> String {
    if call.path == "/v1/orders/placed" { return "order " + (json(call.body)["order_id"]?.serializedString() ?? "?") }
    if call.path == "/v1/contacts", call.method == "POST" { return "new " + (json(call.body)["email"]?.stringValue?.lowercased() ?? json(call.body)["phone_number"]?.stringValue ?? "?") }
    if call.path == "/v1/contacts" { return "list " + call.query }
    return "contact " + call.path.split(separator: "/").dropFirst(2).prefix(1).joined()
}

private func json(_ text: String) -> JSONValue {
    (try? JSONParser.parse(Array(text.utf8))) ?? .null
}

/// Waits until the edge's sync status satisfies `condition`. - Returns: that status.
private func waitForStatus(_ pair: SyncPair, timeout: Duration = .seconds(120), _ condition: (JSONValue) -> Bool) async throws -> JSONValue {
    let deadline = ContinuousClock.now + timeout
    while true {
        let status = try await pair.status()
        if condition(status) { return status }
        guard ContinuousClock.now < deadline else { throw FixtureError("the status never got there: \(status.serializedString())") }
        try await Task.sleep(for: .milliseconds(100))
    }
}
