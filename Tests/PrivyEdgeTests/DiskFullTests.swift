import AsyncHTTPClient
import Foundation
import NIOHTTP1
import PrivyJSON
import Testing

/// A file system that runs out of space under the data directory: a 24 MB tmpfs, as a small
/// disk or a quota would, with the real binary.
@Suite("A full disk, against the real binary", .serialized)
struct DiskFullTests {
    @Test("writes get 507 storage_full saying the disk is full, reads go on, status.json and metrics say why, and writes resume once space returns")
    func diskFull() async throws {
        let mountPoint = FileManager.default.temporaryDirectory.appendingPathComponent("privy-edge-disk-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: mountPoint) }
        let mount = try Shell.run(["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", mountPoint])
        guard mount.status == 0 else {
            print("DiskFullTests skipped: a 24 MB tmpfs cannot be mounted here (\(mount.output.trimmingCharacters(in: .whitespacesAndNewlines)))")
            return
        }
        defer { _ = try? Shell.run(["umount", mountPoint]) }
        // Space to give back once the disk is full, as an operator deleting old files would.
        let ballast = mountPoint + "/ballast"
        #expect(FileManager.default.createFile(atPath: ballast, contents: Data(count: 4 << 20)))
        let data = mountPoint + "/data"
        let token = try EdgeBinary.mintToken(dataDirectory: data, scopes: "contacts_read,contacts_write")
        let http = HTTPClient.shared
        let server = try ServerProcess(dataDirectory: data)
        let note = String(repeating: "n", count: 2_000)

        var acknowledged: [String] = []
        var refused = 0
        for n in 0..<30_000 where refused < 3 {
            let email = "disk\(n)@example.com"
            let response = try await http.json(.POST, server.baseURL + "/v1/contacts", token: token, body: #"{"email":"\#(email)","custom_fields":{"note":"\#(note)"}}"#)
            switch response.status {
            case 201:
                acknowledged.append(email)
            case 507:
                #expect(response.json["error"]?["code"]?.stringValue == "storage_full")
                let message = response.json["error"]?["message"]?.stringValue ?? ""
                #expect(message.contains("the disk is full") && message.contains("nothing was written"), "\(message)")
                refused += 1
            default:
                Issue.record("unexpected \(response.status) while filling the disk: \(response.json.serializedString())")
                refused += 1
            }
        }
        #expect(refused == 3 && acknowledged.count > 1_000, "the disk should fill: \(acknowledged.count) written, \(refused) refused")

        // Reads go on; status.json and the metrics say writes are refused, and why.
        let list = try await http.json(.GET, server.baseURL + "/v1/contacts?per_page=1", token: token)
        #expect(list.status == 200 && list.json["pagination"]?["total_count"]?.intValue == acknowledged.count)
        let status = try JSONParser.parse(Array(try await http.fetch(server.adminURL + "/status.json").text.utf8))
        #expect(status["writes"]?["refused"]?["reason"]?.stringValue == "disk_full")
        #expect(status["writes"]?["refused"]?["message"]?.stringValue?.contains("the disk is full") == true)
        let metrics = Exposition(text: try await http.fetch(server.adminURL + "/metrics").text)
        #expect(metrics.value("privy_edge_writes_refused", ["reason": "disk_full"]) == 1)
        #expect(metrics.value("privy_edge_writes_refused", ["reason": "storage_full"]) == 0)

        // Space returns: writes resume by themselves, and the refusal clears.
        try FileManager.default.removeItem(atPath: ballast)
        #expect(try await http.json(.POST, server.baseURL + "/v1/contacts", token: token, body: #"{"email":"after@example.com"}"#).status == 201)
        let cleared = try JSONParser.parse(Array(try await http.fetch(server.adminURL + "/status.json").text.utf8))
        #expect(cleared["writes"]?["refused"]?.isNull == true)
        #expect(Exposition(text: try await http.fetch(server.adminURL + "/metrics").text).value("privy_edge_writes_refused", ["reason": "disk_full"]) == 0)
        #expect(server.stop(with: SIGTERM) == 0)

        // Nothing acknowledged was lost.
        let restarted = try ServerProcess(dataDirectory: data)
        let total = try await http.json(.GET, restarted.baseURL + "/v1/contacts?per_page=1", token: token)
        #expect(total.json["pagination"]?["total_count"]?.intValue == acknowledged.count + 1)
        #expect(restarted.stop(with: SIGTERM) == 0)
    }
}
