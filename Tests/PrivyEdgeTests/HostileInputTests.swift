import Foundation
import PrivyJSON
import Testing

/// Requests built to hurt the server, sent byte by byte to the real binary: each gets a clear
/// 4xx in the error envelope (or, for a stalled client, a closed connection), nothing is
/// written, and the server goes on serving.
@Suite("Hostile input, against the real binary", .serialized)
struct HostileInputTests {
    @Test("every request of the hostile corpus gets a 4xx in the envelope, writes nothing, and the server keeps serving")
    func hostileCorpus() async throws {
        try await HostileServer.run { server in
            for hostile in HostileRequest.corpus {
                let connection = try RawConnection(port: server.process.port)
                connection.send(hostile.bytes(server.token))
                let response = try #require(connection.readResponse(), "no answer to \(hostile.name)")
                #expect(response.status == hostile.status, "\(hostile.name)")
                #expect(response.headers["content-type"] == "application/json; charset=utf-8", "\(hostile.name)")
                #expect(response.headers["x-request-id"]?.hasPrefix("req_") == true, "\(hostile.name)")
                let error = try JSONParser.parse(response.body)["error"]
                #expect(error?["code"]?.stringValue == hostile.code, "\(hostile.name)")
                #expect(error?["message"]?.stringValue?.isEmpty == false, "\(hostile.name)")
                try server.expectServing()
            }
        }
    }

    @Test("clients that send half a request head or half a body and stall are cut off, and others are served meanwhile")
    func stalledClients() async throws {
        try await HostileServer.run { server in
            let stalledHead = try RawConnection(port: server.process.port)
            stalledHead.send("POST /v1/contacts HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Le")
            let stalledBody = try RawConnection(port: server.process.port)
            stalledBody.send(HostileRequest.head("POST", "/v1/contacts", token: server.token, ["Content-Length: 100"]) + Array(#"{"email":"stall"#.utf8))
            try server.expectServing()
            #expect(stalledHead.waitForClose(within: 60), "the connection stalled in its head should be closed by the idle timeout")
            #expect(stalledBody.waitForClose(within: 60), "the connection stalled in its body should be closed by the idle timeout")
        }
    }
}

/// A live `privy-edge serve` with a short idle timeout and a token with every scope.
private struct HostileServer {
    let process: ServerProcess
    let token: String

    /// Runs `body` against a fresh server, then checks that the server is alive, answers a
    /// normal request and holds no contact or order, and stops it.
    static func run(_ body: (HostileServer) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("privy-edge-hostile-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let token = try EdgeBinary.mintToken(dataDirectory: directory, scopes: "contacts_read,contacts_write,orders_write,admin")
        let server = HostileServer(process: try ServerProcess(dataDirectory: directory, extraArguments: ["--idle-timeout", "2s"]), token: token)
        try await body(server)
        #expect(server.process.process.isRunning, "the server died: \(server.process.log)")
        try server.expectServing()
        #expect(server.process.stop(with: SIGTERM) == 0)
    }

    /// A normal request on a new connection succeeds, and nothing was written.
    func expectServing() throws {
        let connection = try RawConnection(port: process.port)
        connection.send(HostileRequest.head("GET", "/v1/contacts", token: token, []))
        let response = try #require(connection.readResponse(), "no answer to a normal request")
        #expect(response.status == 200)
        #expect(try JSONParser.parse(response.body)["pagination"]?["total_count"]?.intValue == 0, "a hostile request wrote something")
    }
}

/// One request of the hostile corpus and the answer it must get.
struct HostileRequest: Sendable {
    let name: String
    /// The whole request on the wire, given a token with every scope.
    let bytes: @Sendable (_ token: String) -> [UInt8]
    let status: Int
    let code: String

    /// A request head with a bearer token and `fields`, ending in the blank line.
    static func head(_ method: String, _ path: String, token: String, _ fields: [String]) -> [UInt8] {
        let lines = ["\(method) \(path) HTTP/1.1", "Host: 127.0.0.1", "Authorization: Bearer \(token)"] + fields
        return Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8)
    }

    /// A JSON-ish body POSTed with its true `Content-Length`.
    static func post(_ name: String, to path: String = "/v1/contacts", _ body: [UInt8], status: Int = 400, code: String = "bad_request") -> HostileRequest {
        HostileRequest(name: name, bytes: { head("POST", path, token: $0, ["Content-Type: application/json", "Content-Length: \(body.count)"]) + body }, status: status, code: code)
    }

    /// A request whose head breaks HTTP's framing rules.
    static func framing(_ name: String, _ fields: [String], body: String = "{}") -> HostileRequest {
        HostileRequest(name: name, bytes: { head("POST", "/v1/contacts", token: $0, fields) + Array(body.utf8) }, status: 400, code: "bad_request")
    }

    /// An order body with `total` and `orderID` spliced in as raw JSON.
    static func order(total: String, orderID: String = "1") -> [UInt8] {
        Array(#"{"order_id":\#(orderID),"total":\#(total),"currency":"USD","order_date":"2026-01-01T00:00:00Z","email":"buyer@example.com"}"#.utf8)
    }

    static let tenMegabytes = 10 << 20

    static let corpus: [HostileRequest] = [
        post("100,000 nested arrays", Array(repeating: UInt8(ascii: "["), count: 100_000)),
        post("50,000 nested objects inside a field", Array((#"{"email":"a@example.com","custom_fields":"# + String(repeating: #"{"a":"#, count: 50_000)).utf8)),
        post("a total of 1e999999", to: "/v1/orders/placed", order(total: "1e999999"), status: 422, code: "validation_failed"),
        post("a 400-digit total", to: "/v1/orders/placed", order(total: String(repeating: "9", count: 400)), status: 422, code: "validation_failed"),
        post("a 400-digit order id", to: "/v1/orders/placed", order(total: "1", orderID: String(repeating: "9", count: 400)), status: 422, code: "validation_failed"),
        post("invalid UTF-8 in a string", Array(#"{"email":"a"#.utf8) + [0xC3, 0x28] + Array(#"@example.com"}"#.utf8)),
        post("an overlong UTF-8 encoding", Array(#"{"first_name":""#.utf8) + [0xC0, 0xAF] + Array(#"","email":"a@example.com"}"#.utf8)),
        post("a NUL byte inside a string", Array(#"{"email":"a"#.utf8) + [0] + Array(#"@example.com"}"#.utf8)),
        post("a duplicate key", Array(#"{"email":"a@example.com","email":"b@example.com"}"#.utf8)),
        post("wrong JSON types", Array(#"{"email":["a@example.com"],"tags":"vip"}"#.utf8)),
        post("a body of 10 MB", Array(#"{"email":"a@example.com","first_name":""#.utf8) + Array(repeating: UInt8(ascii: "x"), count: tenMegabytes) + Array(#""}"#.utf8), status: 413, code: "payload_too_large"),
        HostileRequest(
            name: "a chunked body of 10 MB",
            bytes: { head("POST", "/v1/contacts", token: $0, ["Transfer-Encoding: chunked"]) + Array(repeating: Array("10000\r\n".utf8) + Array(repeating: UInt8(ascii: "x"), count: 1 << 16) + Array("\r\n".utf8), count: tenMegabytes >> 16).flatMap { $0 } + Array("0\r\n\r\n".utf8) },
            status: 413, code: "payload_too_large"
        ),
        framing("a Content-Length of 10^12 bytes", ["Content-Length: 1000000000000"]).answered(413, "payload_too_large"),
        framing("a Content-Length of 10^23 bytes", ["Content-Length: 99999999999999999999999"]),
        framing("a negative Content-Length", ["Content-Length: -5"]),
        framing("two different Content-Lengths", ["Content-Length: 2", "Content-Length: 3"]),
        framing("Content-Length beside Transfer-Encoding", ["Content-Length: 2", "Transfer-Encoding: chunked"], body: "2\r\n{}\r\n0\r\n\r\n"),
        framing("a chunk size that is not hex", ["Transfer-Encoding: chunked"], body: "zz\r\n{}\r\n0\r\n\r\n"),
        framing("2,000 header fields", (0..<2_000).map { "X-Flood-\($0): v" } + ["Content-Length: 2"]),
        framing("a 100 KB header field", ["X-Big: " + String(repeating: "a", count: 100_000), "Content-Length: 2"]),
    ]

    /// The same request, expected to get another answer.
    func answered(_ status: Int, _ code: String) -> HostileRequest {
        HostileRequest(name: name, bytes: bytes, status: status, code: code)
    }
}
