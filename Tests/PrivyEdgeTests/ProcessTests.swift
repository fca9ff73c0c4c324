import AsyncHTTPClient
import Foundation
import LMDB
import PrivyDomain
import PrivyJSON
import PrivyStore
import Synchronization
import Testing

/// Tests that run the real binary: the CLI beside a running server, crashes and shutdowns.
@Suite("The privy-edge process", .serialized)
struct ProcessTests {
    private func temporaryDirectory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("privy-edge-proc-\(UUID().uuidString)").path
    }

    @Test("the CLI mints, lists and revokes tokens on the data directory of a running server")
    func cliBesideServer() async throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let server = try ServerProcess(dataDirectory: directory)
        let token = try EdgeBinary.mintToken(dataDirectory: directory, scopes: "contacts_read,contacts_write")
        #expect(token.hasPrefix("privy_") && token.count == 46)
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        #expect(try await client.postJSON("\(server.baseURL)/v1/contacts", token: token, body: #"{"email":"cli@example.com"}"#) == 201)
        let list = try EdgeBinary.run(["tokens", "list", "--data-dir", directory])
        let id = "tok_" + token.dropFirst(6).prefix(10)
        #expect(list.output.contains(id) && list.output.contains("active"))
        #expect(try EdgeBinary.run(["tokens", "revoke", "--data-dir", directory, id]).status == 0)
        // The server trusts a token it verified for up to a second: the revocation lands within it.
        let revokedAt = ContinuousClock.now
        var status = try await client.get("\(server.baseURL)/v1/contacts", token: token)
        while status != 401, revokedAt.duration(to: .now) < .seconds(3) {
            try await Task.sleep(for: .milliseconds(100))
            status = try await client.get("\(server.baseURL)/v1/contacts", token: token)
        }
        #expect(status == 401, "a revocation by another process takes effect within a second")
        try await client.shutdown()
        #expect(server.stop(with: SIGTERM) == 0)
    }

    @Test("integrations create prints JSON with its token; reveal shows it again; deactivate stops attribution")
    func integrationsCLI() async throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let created = try EdgeBinary.run(["integrations", "create", "--data-dir", directory, "--name", "Shopify POS"])
        #expect(created.status == 0)
        let json = try JSONParser.parse(Array(created.output.utf8))
        let id = try #require(json["id"]?.stringValue)
        let token = try #require(json["token"]?.stringValue)
        #expect(json["name"]?.stringValue == "Shopify POS")
        #expect(try EdgeBinary.run(["integrations", "reveal", "--data-dir", directory, id]).output.contains(token))
        #expect(try EdgeBinary.run(["integrations", "list", "--data-dir", directory]).output.contains("active"))
        let deactivated = try EdgeBinary.run(["integrations", "deactivate", "--data-dir", directory, id])
        #expect(deactivated.status == 0 && deactivated.output.contains(#""active":false"#) && !deactivated.output.contains(token))
        #expect(try EdgeBinary.run(["integrations", "reveal", "--data-dir", directory, "int_missing"]).status != 0)
    }

    @Test("SIGKILL under write load, three rounds: every acknowledged contact and order is present and doctor is happy")
    func crashUnderLoad() async throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let token = try EdgeBinary.mintToken(dataDirectory: directory, scopes: "contacts_write,orders_write")
        let acknowledged = Acknowledged()
        for round in 1...3 {
            let server = try ServerProcess(dataDirectory: directory)
            let client = HTTPClient(eventLoopGroupProvider: .singleton)
            let before = acknowledged.count
            let writers = acknowledged.startWriters(16, series: round, server: server, token: token, client: client)
            // Kill only once the load is really flowing, however slow the machine.
            let deadline = ContinuousClock.now + .seconds(60)
            while acknowledged.count < before + 300 && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            server.stop(with: SIGKILL)
            for writer in writers { writer.cancel() }
            for writer in writers { await writer.value }
            try await client.shutdown()
            #expect(acknowledged.count >= before + 300, "round \(round): the load should have acknowledged writes before the kill")

            let doctor = try EdgeBinary.run(["doctor", "--data-dir", directory])
            #expect(doctor.status == 0, "round \(round): doctor after SIGKILL: \(doctor.output)")
            let store = try await Store.open(directory: directory)
            let missing = try acknowledged.missing(in: store)
            await store.close()
            #expect(missing.isEmpty, "round \(round): acknowledged writes missing after SIGKILL: \(missing)")
        }
    }

    @Test("SIGTERM drains in-flight writes: every acknowledged write is committed and the exit is clean")
    func gracefulShutdown() async throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let token = try EdgeBinary.mintToken(dataDirectory: directory, scopes: "contacts_write,orders_write")
        let server = try ServerProcess(dataDirectory: directory)
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        let acknowledged = Acknowledged()
        let writers = acknowledged.startWriters(8, series: 0, server: server, token: token, client: client)
        try await Task.sleep(for: .milliseconds(700))
        let status = server.stop(with: SIGTERM)
        for writer in writers { await writer.value }
        try await client.shutdown()
        #expect(status == 0)
        let store = try await Store.open(directory: directory)
        let total = try store.contacts.list(matching: .init()).totalCount
        let missing = try acknowledged.missing(in: store)
        await store.close()
        #expect(total >= acknowledged.emails.count)
        #expect(missing.isEmpty, "acknowledged writes missing after SIGTERM: \(missing)")
    }

    @Test("a data directory from a newer schema is refused with a clear message and left untouched")
    func newerSchema() async throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try await Store.open(directory: directory)
        await store.close()
        let environment = try Environment(path: directory)
        let writer = GroupCommitWriter(environment: environment)
        try await writer.perform { txn in
            let meta = try #require(try txn.openDatabase(named: "meta", flags: []))
            try txn.put(withUnsafeBytes(of: UInt32(99).bigEndian, Array.init), forKey: "schema_version", in: meta)
        }
        await writer.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: directory + "/data.mdb"))
        let result = try EdgeBinary.run(["tokens", "create", "--data-dir", directory, "--scopes", "admin"])
        #expect(result.status != 0)
        #expect(result.output.contains("schema version 99"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: directory + "/data.mdb")) == before)
    }
}

/// Writes answered as done, collected from many tasks: contacts (by email) created with 201 and
/// orders (by id) placed with 201.
private final class Acknowledged: Sendable {
    private let written = Mutex<(emails: [String], orders: [String])>(([], []))
    var emails: [String] { written.withLock { $0.emails } }
    var count: Int { written.withLock { $0.emails.count + $0.orders.count } }

    /// The acknowledged writes `store` lacks, as `email` or `order id` lines.
    func missing(in store: Store) throws -> [String] {
        let (emails, orders) = written.withLock { $0 }
        let contacts = try emails.filter { try store.contacts.list(matching: ContactQuery(email: EmailAddress(validating: $0))).totalCount != 1 }
        return try contacts + orders.filter { try store.orders.order(id: $0) == nil }.map { "order \($0)" }
    }

    /// Starts `count` tasks that write one after another until cancelled or the server stops
    /// answering, recording each acknowledged write: even-numbered tasks create contacts,
    /// odd-numbered ones place orders for new customers. Writes of different `series` never collide.
    func startWriters(_ count: Int, series: Int, server: ServerProcess, token: String, client: HTTPClient) -> [Task<Void, Never>] {
        (0..<count).map { writer in
            Task {
                var n = 0
                while !Task.isCancelled {
                    let email = "s\(series)w\(writer)-\(n)@example.com"
                    let orderID = String(series * 100_000_000 + writer * 1_000_000 + n)
                    n += 1
                    if writer % 2 == 1 {
                        let body = #"{"order_id":"\#(orderID)","total":"9.99","currency":"USD","order_date":"2026-01-01T00:00:00Z","email":"\#(email)"}"#
                        guard let status = try? await client.postJSON("\(server.baseURL)/v1/orders/placed", token: token, body: body) else { return }
                        if status == 201 { written.withLock { $0.orders.append(orderID) } }
                    } else {
                        guard let status = try? await client.postJSON("\(server.baseURL)/v1/contacts", token: token, body: #"{"email":"\#(email)"}"#) else { return }
                        if status == 201 { written.withLock { $0.emails.append(email) } }
                    }
                }
            }
        }
    }
}
