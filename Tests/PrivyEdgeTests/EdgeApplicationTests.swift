import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import PrivyAPI
import PrivyEdgeApp
import PrivyJSON
import PrivyStore
import ServiceLifecycle
import Testing

/// privy-edge as `serve` builds it, in process: settings resolved from flags, the environment
/// and a config file, then `buildApplication(settings:)` on a real store in a temporary directory.
@Suite("The application built from settings")
struct EdgeApplicationTests {
    @Test("the API takes its body limit from the config file and its rate limit from the environment, and counts requests in the app's registry")
    func limitsFromSettings() async throws {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("privy-edge-app-\(UUID().uuidString).toml").path
        try "max_body_size = 1024\n".write(toFile: config, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: config) }
        try await EdgeApplicationFixture.run(config: config, environment: ["PRIVY_EDGE_RATE_LIMIT": "3/60s"]) { app, token in
            try await app.api.test(.router) { client in
                let big = #"{"email":"a@example.com","first_name":""# + String(repeating: "x", count: 2048) + #""}"#
                let tooLarge = try await client.call(.post, "/v1/contacts", token: token, body: big)
                #expect(tooLarge.status == .contentTooLarge && tooLarge.errorCode == "payload_too_large")
                #expect(tooLarge.headers[HTTPField.Name("X-RateLimit-Limit-Minute")!] == "3")
                #expect(try await client.call(.post, "/v1/contacts", token: token, body: #"{"email":"b@example.com"}"#).status == .created)
                #expect(try await client.call(.get, "/v1/contacts", token: token).status == .ok)
                let refused = try await client.call(.get, "/v1/contacts", token: token)
                #expect(refused.status == .tooManyRequests && refused.errorCode == "rate_limited")
            }
            let exposition = try await app.exposition()
            #expect(exposition.value("privy_edge_http_requests_total", ["route": "/v1/contacts", "method": "POST", "status": "201"]) == 1)
            #expect(exposition.value("privy_edge_writes_total").map { $0 >= 1 } == true, "the store reports its commits to the app's registry")
        }
    }

    @Test("upstream credentials turn the exporter on: the store records it and the status page says so")
    func exporterFromSettings() async throws {
        let environment = ["PRIVY_EDGE_UPSTREAM": "http://127.0.0.1:9/v1", "PRIVY_EDGE_UPSTREAM_TOKEN": "privy_unreachable"]
        try await EdgeApplicationFixture.run(environment: environment) { app, _ in
            #expect(try app.store.outbox.syncStatus().exporter == .on(upstream: "http://127.0.0.1:9/v1"))
            let admin = try #require(app.admin)
            try await admin.test(.router) { client in
                #expect(try await client.call(.get, "/readyz").status == .ok)
                let status = try await client.call(.get, "/status.json")
                #expect(status.json["sync"]?["enabled"] == .bool(true))
            }
        }
        try await EdgeApplicationFixture.run(flags: { $0[Settings.adminPort] = .off }) { app, _ in
            let mode = try app.store.outbox.syncStatus().exporter
            #expect(mode == .off)
            #expect(app.admin == nil, "admin_port off runs no admin listener")
        }
    }

    @Test("TLS files that cannot serve stop the build before the store is opened")
    func unreadableTLSFiles() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("privy-edge-app-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var flags = EdgeApplicationFixture.baseFlags(directory: directory)
        flags[Settings.tlsCert] = directory + "/absent.crt"
        flags[Settings.tlsKey] = directory + "/absent.key"
        var resolver = SettingsResolver(flags: flags, sources: try SettingSources(configFlag: "/dev/null", environment: [:]))
        let settings = try ServeSettings(resolving: &resolver)
        let error = await #expect(throws: TLSFileError.self) { _ = try await buildApplication(settings: settings, logger: EdgeApplicationFixture.logger) }
        #expect(error?.path == directory + "/absent.crt")
        #expect(!FileManager.default.fileExists(atPath: directory + "/data.mdb"))
    }

    @Test("run() serves until graceful shutdown, then closes the store")
    func gracefulShutdown() async throws {
        try await EdgeApplicationFixture.run { app, _ in
            let group = ServiceGroup(configuration: .init(services: [app], logger: EdgeApplicationFixture.logger))
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                try await Task.sleep(for: .milliseconds(200))
                #expect(app.store.isOpen)
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
            #expect(!app.store.isOpen)
        }
    }
}
