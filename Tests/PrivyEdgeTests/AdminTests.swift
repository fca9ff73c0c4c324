import AsyncHTTPClient
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOHTTP1
import PrivyAdmin
import PrivyAPI
import PrivyJSON
import PrivyStore
import Testing

/// The admin listener: health, readiness, Prometheus metrics and the status page's figures.
@Suite("The admin listener")
struct AdminTests {
    @Test("the real binary serves healthz, readyz, metrics and status.json, and the figures move with writes")
    func adminOfTheBinary() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("privy-edge-admin-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let token = try EdgeBinary.mintToken(dataDirectory: directory, scopes: "contacts_read,contacts_write")
        // An upstream that never answers: changes wait in the backlog, and the exporter's failures show.
        let server = try ServerProcess(dataDirectory: directory, extraArguments: ["--upstream", "http://127.0.0.1:9/v1", "--upstream-token", "privy_unreachable"])
        let http = HTTPClient(eventLoopGroupProvider: .singleton)

        #expect(try await http.fetch(server.adminURL + "/healthz").status == 200)
        let ready = try await http.fetch(server.adminURL + "/readyz")
        #expect(ready.status == 200 && ready.text.contains(#""status":"ready""#))
        let before = Exposition(text: try await http.fetch(server.adminURL + "/metrics").text)
        for name in ["privy_edge_writes_total", "privy_edge_write_batch_size", "privy_edge_write_commit_duration_seconds", "privy_edge_write_sync_duration_seconds",
                     "privy_edge_write_sync_wait_seconds", "privy_edge_write_queue_depth", "privy_edge_lmdb_map_used_bytes", "privy_edge_lmdb_map_size_bytes",
                     "privy_edge_sync_backlog_changes", "privy_edge_sync_oldest_pending_age_seconds", "privy_edge_sync_dead_letters",
                     "privy_edge_contacts"] {
            #expect(before.declares(name), "\(name) is missing")
        }

        for body in [#"{"email":"ann@example.com","email_consent":"subscribed"}"#,
                     #"{"email":"bob@example.com","email_consent":"subscribed"}"#,
                     #"{"phone_number":"+15555550100","sms_consent":"single_opt_in"}"#] {
            #expect(try await http.postJSON(server.baseURL + "/v1/contacts", token: token, body: body) == 201)
        }
        #expect(try await http.get(server.baseURL + "/v1/contacts/cus_0000000000000000", token: token) == 404)

        let after = Exposition(text: try await http.fetch(server.adminURL + "/metrics").text)
        #expect(after.value("privy_edge_http_requests_total", ["route": "/v1/contacts", "method": "POST", "status": "201"]) == 3)
        #expect(after.value("privy_edge_http_requests_total", ["route": "/v1/contacts/{id}", "method": "GET", "status": "404"]) == 1)
        #expect(after.value("privy_edge_http_request_duration_seconds_count", ["route": "/v1/contacts", "method": "POST"]) == 3)
        #expect(try #require(after.value("privy_edge_writes_total")) >= (before.value("privy_edge_writes_total") ?? 0) + 3)
        #expect(try #require(after.value("privy_edge_write_commit_duration_seconds_count")) > before.value("privy_edge_write_commit_duration_seconds_count") ?? 0)
        #expect(try #require(after.value("privy_edge_write_sync_duration_seconds_sum")) > before.value("privy_edge_write_sync_duration_seconds_sum") ?? 0)
        #expect(try #require(after.value("privy_edge_write_sync_wait_seconds_count")) > before.value("privy_edge_write_sync_wait_seconds_count") ?? 0)
        #expect(after.value("privy_edge_contacts", ["channel": "email", "state": "subscribed"]) == 2)
        #expect(after.value("privy_edge_contacts", ["channel": "sms", "state": "single_opt_in"]) == 1)
        #expect(try #require(after.value("privy_edge_sync_backlog_changes")) >= 3)
        #expect(try #require(after.value("privy_edge_lmdb_map_used_bytes")) > 0)

        let status = try JSONParser.parse(Array(try await http.fetch(server.adminURL + "/status.json").text.utf8))
        #expect(status["health"]?["status"]?.stringValue == "ready")
        #expect(status["contacts"]?["total"]?.intValue == 3)
        #expect(status["contacts"]?["email"]?["subscribed"]?.intValue == 2)
        #expect(status["contacts"]?["sms"]?["single_opt_in"]?.intValue == 1)
        #expect(status["sync"]?["enabled"] == .bool(true))
        #expect(try #require(status["sync"]?["backlog"]?.intValue) >= 3)
        #expect(try #require(status["writes"]?["since_start"]?.intValue) >= 3)

        let page = try await http.fetch(server.adminURL + "/")
        #expect(page.status == 200 && page.text.contains("/status.json"))
        #expect(!page.text.contains("<script src") && !page.text.contains("<link"), "the page loads nothing from elsewhere")

        // The exporter keeps failing against the silent upstream; its errors are counted.
        var errors: Double?
        let deadline = ContinuousClock.now + .seconds(60)
        while errors == nil && ContinuousClock.now < deadline {
            errors = Exposition(text: try await http.fetch(server.adminURL + "/metrics").text)
                .value("privy_edge_upstream_errors_total", ["kind": "unreachable"])
            if errors == nil { try await Task.sleep(for: .milliseconds(200)) }
        }
        #expect(try #require(errors) >= 1)
        let final = Exposition(text: try await http.fetch(server.adminURL + "/metrics").text)
        #expect(try #require(final.value("privy_edge_upstream_calls_total", ["status": "none"])) >= 1)
        try await http.shutdown()
        #expect(server.stop(with: SIGTERM) == 0)
    }

    @Test("readyz answers 503 with a reason once the store is closed and while draining")
    func readiness() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("privy-edge-ready-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try await Store.open(directory: directory)
        let readiness = Readiness()
        let app = Application(
            router: buildAdminRouter(store: store, metrics: AdminMetrics(), readiness: readiness, syncEnabled: false),
            configuration: .init(address: .hostname("127.0.0.1", port: 0))
        )
        try await app.test(.live) { client in
            #expect(try await client.call(.get, "/readyz").status == .ok)
            await store.close()
            let closed = try await client.call(.get, "/readyz")
            #expect(closed.status == .serviceUnavailable && closed.json["reason"]?.stringValue == "store_closed")
            readiness.beginDraining()
            let draining = try await client.call(.get, "/readyz")
            #expect(draining.status == .serviceUnavailable && draining.json["reason"]?.stringValue == "draining")
            #expect(try await client.call(.get, "/healthz").status == .ok)
        }
    }

    @Test("each app can keep its own registry: requests count by route pattern, unknown routes as NotFound")
    func requestMetricsPerApp() async throws {
        let metrics = AdminMetrics()
        try await EdgeFixture.run(configuration: .init(metrics: metrics.factory)) { client, fixture in
            let id = try await client.createContact(#"{"email":"carol@example.com"}"#, token: fixture.writerToken)
            #expect(try await client.call(.get, "/v1/contacts/\(id)", token: fixture.readerToken).status == .ok)
            #expect(try await client.call(.get, "/no/such/route").status == .notFound)
            let admin = Application(
                router: buildAdminRouter(store: fixture.store, metrics: metrics, readiness: Readiness(), syncEnabled: false),
                configuration: .init(address: .hostname("127.0.0.1", port: 0))
            )
            let exposition = try await admin.test(.live) { admin in
                try await admin.execute(uri: "/metrics", method: .get) { Exposition(text: String(buffer: $0.body)) }
            }
            #expect(exposition.value("privy_edge_http_requests_total", ["route": "/v1/contacts/{id}", "method": "GET", "status": "200"]) == 1)
            #expect(exposition.value("privy_edge_http_requests_total", ["route": "NotFound", "status": "404"]) == 1)
            #expect(!exposition.text.contains(id), "raw ids never become series")
            #expect(exposition.value("privy_edge_contacts", ["channel": "email", "state": "never_subscribed"]) == 1)
        }
    }
}

extension HTTPClient {
    /// GETs `url` without credentials. - Returns: the status and the body as text.
    func fetch(_ url: String) async throws -> (status: UInt, text: String) {
        let response = try await execute(HTTPClientRequest(url: url), timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 1 << 22)
        return (response.status.code, String(buffer: body))
    }
}
