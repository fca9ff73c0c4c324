import AsyncHTTPClient
import Foundation
import NIOHTTP1
import PrivyJSON
import Testing

/// A data file that cannot grow: the real binary with a tiny `--max-map-size`.
@Suite("A map that cannot grow, against the real binary", .serialized)
struct StorageFullTests {
    /// The cap, 256 KiB: room for the empty store (28 KiB) and a few hundred contacts.
    static let cap = "262144"

    @Test("at the cap writes get 507 storage_full and nothing unacknowledged is kept; reads go on; a bigger cap finds every acknowledged write")
    func storageFull() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("privy-edge-full-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let token = try EdgeBinary.mintToken(dataDirectory: directory, scopes: "contacts_read,contacts_write")
        let http = HTTPClient.shared

        let capped = try ServerProcess(dataDirectory: directory, extraArguments: ["--max-map-size", Self.cap])
        var acknowledged: [String] = []
        var refused: [String] = []
        // Fill the map until three writes are refused; bounded, however the map is laid out.
        for n in 0..<20_000 where refused.count < 3 {
            let email = "full\(n)@example.com"
            let response = try await http.json(.POST, capped.baseURL + "/v1/contacts", token: token, body: #"{"email":"\#(email)","first_name":"\#(String(repeating: "f", count: 200))"}"#)
            switch response.status {
            case 201:
                // Pages freed by earlier commits are reused, so a write may fit again after a refusal.
                acknowledged.append(email)
            case 507:
                #expect(response.json["error"]?["code"]?.stringValue == "storage_full")
                #expect(response.json["error"]?["message"]?.stringValue?.contains("nothing was written") == true)
                refused.append(email)
            default:
                Issue.record("unexpected \(response.status) while filling the map: \(response.json.serializedString())")
                refused.append(email)
            }
        }
        #expect(refused.count == 3 && acknowledged.count > 50, "the map should fill: \(acknowledged.count) written, \(refused.count) refused")

        // Reads go on at the cap.
        let list = try await http.json(.GET, capped.baseURL + "/v1/contacts?per_page=1", token: token)
        #expect(list.status == 200 && list.json["pagination"]?["total_count"]?.intValue == acknowledged.count)
        let last = try #require(acknowledged.last)
        #expect(try await http.json(.GET, capped.baseURL + "/v1/contacts?email=\(last)", token: token).json["data"]?[0] != nil)
        #expect(capped.stop(with: SIGTERM) == 0)
        let nearlyFull = try EdgeBinary.run(["doctor", "--data-dir", directory, "--max-map-size", Self.cap])
        #expect(nearlyFull.status != 0 && nearlyFull.output.contains("storage_full"), "doctor should warn at the cap: \(nearlyFull.output)")

        // With the default cap: everything acknowledged is there, nothing refused is, writes work.
        let grown = try ServerProcess(dataDirectory: directory)
        let all = try await http.json(.GET, grown.baseURL + "/v1/contacts?per_page=1", token: token)
        #expect(all.json["pagination"]?["total_count"]?.intValue == acknowledged.count)
        for email in [acknowledged.first, last].compactMap({ $0 }) + refused {
            let found = try await http.json(.GET, grown.baseURL + "/v1/contacts?email=\(email)", token: token).json["data"]?[0] != nil
            #expect(found == acknowledged.contains(email), "\(email): acknowledged \(acknowledged.contains(email)), found \(found)")
        }
        #expect(try await http.json(.POST, grown.baseURL + "/v1/contacts", token: token, body: #"{"email":"after@example.com"}"#).status == 201)
        #expect(grown.stop(with: SIGTERM) == 0)
        let doctor = try EdgeBinary.run(["doctor", "--data-dir", directory])
        #expect(doctor.status == 0, "doctor after the restart: \(doctor.output)")
    }
}
