import Foundation
import PrivyDomain
import PrivyJSON
import PrivyStore
import Testing

/// `privy-edge import orders`, run as the real binary on a real data directory.
@Suite("privy-edge import orders", .serialized)
struct ImportTests {
    private func temporaryDirectory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("privy-edge-import-\(UUID().uuidString)").path
    }

    private func line(_ id: Int, total: String = "\"10.00\"", email: String = "a@example.com", extra: String = "") -> String {
        #"{"order_id":\#(id),"total":\#(total),"currency":"USD","order_date":"2024-0\#(id % 9 + 1)-01T10:00:00Z","email":"\#(email)"\#(extra)}"#
    }

    /// Runs `privy-edge import orders …` with `input` on standard input.
    /// - Returns: the exit status and what it printed (stdout and stderr).
    private func runImport(_ arguments: [String], input: String? = nil) throws -> (status: Int32, output: String) {
        try ChildProcess(executable: EdgeBinary.path, ["import", "orders"] + arguments, input: Data((input ?? "").utf8)).finish()
    }

    private func rejects(at path: String) throws -> [JSONValue] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { try JSONParser.parse(Array($0.utf8)) }
    }

    private func withStore<Value>(_ directory: String, _ body: (Store) throws -> Value) async throws -> Value {
        let store = try await Store.open(directory: directory)
        do {
            let value = try body(store)
            await store.close()
            return value
        } catch {
            await store.close()
            throw error
        }
    }

    @Test("good and bad lines: the summary counts, the rejects file lists exactly the bad lines, good orders are stored as history", arguments: [1000, 2])
    func goodAndBadLines(batchSize: Int) async throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "-orders.ndjson"
        defer { try? FileManager.default.removeItem(atPath: file); try? FileManager.default.removeItem(atPath: file + ".rejects.ndjson") }
        let lines = [
            line(1),                                                                     // 1: created
            line(2, total: "\"0.20\"", extra: #","accepts_email_marketing":true"#),     // 2: created
            line(3, total: "\"-1\""),                                                    // 3: 422 total
            "   ",                                                                       // 4: blank, skipped
            "not json",                                                                  // 5: 400
            line(4, email: "b@example.com", extra: #","initial_sync":false,"accepts_email_marketing":true"#), // 6: created, real time
            #"{"order_id":5,"total":"1.00","email":"c@example.com"}"#,                  // 7: 422 currency, order_date
            line(1, total: "\"12.00\""),                                                 // 8: updated (same file)
            line(6, extra: #","accepts_sms_marketing":true"#),                          // 9: 422 needs phone
            line(7, extra: #","financial_status":"\#(String(repeating: "x", count: 400))""#), // 10: over --max-line-bytes
        ]
        try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let run = try runImport([file, "--data-dir", directory, "--batch-size", String(batchSize), "--max-line-bytes", "400"])
        #expect(run.status == 2, "\(run.output)")
        #expect(run.output.contains("9 lines read, 3 created, 1 updated, 5 rejected"), "\(run.output)")
        #expect(run.output.contains(file + ".rejects.ndjson"))

        let rejected = try rejects(at: file + ".rejects.ndjson")
        #expect(rejected.map { $0["line"]?.intValue } == [3, 5, 7, 9, 10])
        #expect(rejected.map { $0["error"]?["code"]?.stringValue } == ["validation_failed", "bad_request", "validation_failed", "validation_failed", "payload_too_large"])
        #expect(rejected.map { $0["error"]?["details"]?.arrayValue?.compactMap { $0["field"]?.stringValue } ?? [] } == [["total"], [], ["currency", "order_date"], ["accepts_sms_marketing"], []])
        #expect(rejected[0]["input"]?.stringValue == lines[2])
        #expect(rejected[4]["input"]?.isNull == true)

        try await withStore(directory) { store in
            #expect(try store.orders.order(id: "1")?.initialSync == true)
            #expect(try store.orders.order(id: "1")?.total.description == "12.00")
            #expect(try store.orders.order(id: "2")?.initialSync == true)
            #expect(try store.orders.order(id: "4")?.initialSync == false)
            for rejectedID in ["3", "5", "6", "7"] {
                #expect(try store.orders.order(id: rejectedID) == nil)
            }
            let a = try #require(try store.contacts.list(matching: .init(email: EmailAddress(validating: "a@example.com"))).contacts.first)
            let stats = try store.orders.orderStats(for: [a.id])[a.id]
            #expect(stats?.ordersCount == 2)
            #expect(stats?.totalSpent.map(\.amount.description) == ["12.20"])
            #expect(stats?.firstOrderAt == Timestamp(rfc3339: "2024-02-01T10:00:00Z"))
            // An order never changes an existing contact's consent; it subscribes a new one (audit source import).
            #expect(a.emailConsent == .neverSubscribed)
            let b = try #require(try store.contacts.list(matching: .init(email: EmailAddress(validating: "b@example.com"))).contacts.first)
            #expect(b.emailConsent == .subscribed)
            #expect(try store.contacts.consentEvents(contactID: b.id.rawValue)?.map(\.source) == [.import])
            let orderChanges = try store.changes(after: 0, limit: 100).filter { if case .order = $0.entity { true } else { false } }
            #expect(orderChanges.allSatisfy { $0.source == .import })
            #expect(orderChanges.filter { $0.flags.contains(.initialSync) }.count == 3)
            #expect(orderChanges.filter { $0.flags.contains(.realtimeEffects) }.map(\.entity) == [.order("4")])
        }
    }

    @Test("standard input (-): imported, then imported again as updates that count once")
    func standardInput() async throws {
        let directory = temporaryDirectory()
        let rejectsPath = directory + "-stdin.rejects.ndjson"
        defer { try? FileManager.default.removeItem(atPath: directory); try? FileManager.default.removeItem(atPath: rejectsPath) }
        let input = [line(11), line(12, total: "\"5.55\""), line(13, email: "bad-email"), line(14, email: "d@example.com")].joined(separator: "\n") + "\n"
        let first = try runImport(["-", "--data-dir", directory, "--rejects", rejectsPath], input: input)
        #expect(first.status == 2, "\(first.output)")
        #expect(first.output.contains("Imported standard input: 4 lines read, 3 created, 0 updated, 1 rejected"), "\(first.output)")
        #expect(try rejects(at: rejectsPath).map { $0["error"]?["details"]?[0]?["field"]?.stringValue } == ["email"])

        let again = try runImport(["-", "--data-dir", directory, "--rejects", rejectsPath], input: input)
        #expect(again.output.contains("4 lines read, 0 created, 3 updated, 1 rejected"), "\(again.output)")
        try await withStore(directory) { store in
            let a = try #require(try store.contacts.list(matching: .init(email: EmailAddress(validating: "a@example.com"))).contacts.first)
            let stats = try store.orders.orderStats(for: [a.id])[a.id]
            #expect(stats?.ordersCount == 2)
            #expect(stats?.totalSpent.map(\.amount.description) == ["15.55"])
            #expect(try store.orders.order(id: "12")?.initialSync == true)
        }
    }

    @Test("a clean import exits 0 and leaves no rejects file, not even a stale one")
    func cleanImport() async throws {
        let directory = temporaryDirectory()
        let file = directory + "-clean.ndjson"
        defer { try? FileManager.default.removeItem(atPath: directory); try? FileManager.default.removeItem(atPath: file) }
        try "stale\n".write(toFile: file + ".rejects.ndjson", atomically: true, encoding: .utf8)
        try (1...25).map { line($0, email: "buyer\($0 % 5)@example.com") }.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let run = try runImport([file, "--data-dir", directory, "--batch-size", "7"])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("25 lines read, 25 created, 0 updated, 0 rejected"), "\(run.output)")
        #expect(!FileManager.default.fileExists(atPath: file + ".rejects.ndjson"))
        #expect(try EdgeBinary.run(["import", "orders", directory + "-missing.ndjson", "--data-dir", directory]).status != 0)
    }
}
