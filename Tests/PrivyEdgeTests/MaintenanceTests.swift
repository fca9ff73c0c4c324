import AsyncHTTPClient
import Foundation
import LMDB
import NIOCore
import NIOHTTP1
import PrivyStore
import Testing

/// Backup, restore and doctor, through the real binary.
@Suite("Backup, restore and doctor", .serialized)
struct MaintenanceTests {
    /// A fresh directory for one test, removed with everything in it when the test ends.
    private final class Scratch {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("privy-edge-ops-\(UUID().uuidString)").path

        init() throws {
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: false)
        }

        func path(_ name: String) -> String {
            root + "/" + name
        }

        deinit {
            try? FileManager.default.removeItem(atPath: root)
        }
    }

    @Test("a backup taken while a server serves and takes writes restores into a directory a new server serves the same contacts from")
    func backupWhileServingThenRestore() async throws {
        let scratch = try Scratch()
        let live = scratch.path("live")
        let token = try EdgeBinary.mintToken(dataDirectory: live, scopes: "contacts_read,contacts_write")
        let server = try ServerProcess(dataDirectory: live)
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        for n in 0..<20 {
            #expect(try await client.postJSON("\(server.baseURL)/v1/contacts", token: token, body: #"{"email":"before-\#(n)@example.com"}"#) == 201)
        }
        let writers = (0..<4).map { writer in
            Task {
                var n = 0
                while !Task.isCancelled {
                    _ = try? await client.postJSON("\(server.baseURL)/v1/contacts", token: token, body: #"{"email":"during-\#(writer)-\#(n)@example.com"}"#)
                    n += 1
                }
            }
        }
        try await Task.sleep(for: .milliseconds(300))
        let file = scratch.path("site.backup")
        let backup = try EdgeBinary.run(["backup", "--data-dir", live, "--to", file])
        #expect(backup.status == 0, "\(backup.output)")
        #expect(backup.output.contains("schema version 1"))
        let again = try EdgeBinary.run(["backup", "--data-dir", live, "--to", file])
        #expect(again.status != 0 && again.output.contains("--force"))
        #expect(try EdgeBinary.run(["backup", "--data-dir", live, "--to", file, "--force"]).status == 0)
        for writer in writers { writer.cancel() }
        for writer in writers { await writer.value }

        let busy = try EdgeBinary.run(["restore", "--from", file, "--data-dir", live, "--force"])
        #expect(busy.status != 0 && busy.output.contains("in use by process \(server.process.processIdentifier)"))
        #expect(server.stop(with: SIGTERM) == 0)

        let restored = scratch.path("restored")
        let restore = try EdgeBinary.run(["restore", "--from", file, "--data-dir", restored])
        #expect(restore.status == 0, "\(restore.output)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.root).sorted() == ["live", "restored", "site.backup"])
        let copy = try ServerProcess(dataDirectory: restored)
        for n in 0..<20 {
            let body = try await client.body(of: "\(copy.baseURL)/v1/contacts?email=before-\(n)@example.com", token: token)
            #expect(body.contains("before-\(n)@example.com"))
        }
        try await client.shutdown()
        #expect(copy.stop(with: SIGTERM) == 0)
    }

    @Test("restore refuses a backup from a newer schema and a file that is not LMDB, leaving the target untouched")
    func restoreRefusesBadBackups() async throws {
        let scratch = try Scratch()
        let target = scratch.path("target")
        _ = try EdgeBinary.mintToken(dataDirectory: target, scopes: "admin")
        let newer = scratch.path("newer.backup")
        #expect(try EdgeBinary.run(["backup", "--data-dir", target, "--to", newer]).status == 0)
        try await Self.setSchemaVersion(99, inBackup: newer)
        let garbage = scratch.path("garbage.backup")
        try Data(repeating: UInt8(ascii: "x"), count: 64 << 10).write(to: URL(fileURLWithPath: garbage))
        let before = try Data(contentsOf: URL(fileURLWithPath: target + "/data.mdb"))
        let listing = try FileManager.default.contentsOfDirectory(atPath: scratch.root).sorted()

        let tooNew = try EdgeBinary.run(["restore", "--from", newer, "--data-dir", target, "--force"])
        #expect(tooNew.status != 0 && tooNew.output.contains("schema version 99"), "\(tooNew.output)")
        let notLMDB = try EdgeBinary.run(["restore", "--from", garbage, "--data-dir", target, "--force"])
        #expect(notLMDB.status != 0 && notLMDB.output.contains("not an LMDB environment"), "\(notLMDB.output)")
        let withoutForce = try EdgeBinary.run(["restore", "--from", scratch.path("garbage.backup"), "--data-dir", target])
        #expect(withoutForce.status != 0 && withoutForce.output.contains("already holds data"))

        #expect(try Data(contentsOf: URL(fileURLWithPath: target + "/data.mdb")) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.root).sorted() == listing)
    }

    @Test("doctor passes a healthy data directory and names the fix for loose permissions")
    func doctor() throws {
        let scratch = try Scratch()
        let directory = scratch.path("data")
        _ = try EdgeBinary.mintToken(dataDirectory: directory, scopes: "admin")
        let healthy = try EdgeBinary.run(["doctor", "--data-dir", directory])
        #expect(healthy.status == 0, "\(healthy.output)")
        #expect(healthy.output.contains("schema version 1") && !healthy.output.contains("FINDING"))

        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory)
        let loose = try EdgeBinary.run(["doctor", "--data-dir", directory])
        #expect(loose.status == 1)
        #expect(loose.output.contains("FINDING  \(directory) is mode 0755, readable by others: run chmod 700 \(directory)"), "\(loose.output)")
    }

    /// Writes `version` as the schema version of a backup file, through LMDB's writer.
    private static func setSchemaVersion(_ version: UInt32, inBackup file: String) async throws {
        let environment = try Environment(path: file, configuration: .init(flags: .noSubdirectory))
        let writer = GroupCommitWriter(environment: environment)
        try await writer.perform { txn in
            let meta = try #require(try txn.openDatabase(named: "meta", flags: []))
            try txn.put(withUnsafeBytes(of: version.bigEndian, Array.init), forKey: "schema_version", in: meta)
        }
        await writer.close()
        try FileManager.default.removeItem(atPath: file + "-lock")
    }
}

extension HTTPClient {
    /// GETs a URL with a bearer token. - Returns: the body, when the status is 200.
    fileprivate func body(of url: String, token: String) async throws -> String {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        let response = try await execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 1 << 20)
        try #require(response.status == .ok)
        return String(buffer: body)
    }
}
