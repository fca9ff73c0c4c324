import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import PrivyJSON
import Testing

/// `serve --log-format`: every line of the real server's standard error is one event in the
/// chosen format, and a request's lines carry the request id it answered in `X-Request-Id`.
@Suite("Structured logs", .serialized)
struct StructuredLogTests {
    /// Serves a fresh data directory with `arguments`, sends two requests, and returns their
    /// `X-Request-Id`s and the log's complete lines once both ids are in it.
    private func serveTwoRequests(_ arguments: [String]) async throws -> (ids: [String], lines: [Substring]) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("privy-edge-logs-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let server = try ServerProcess(dataDirectory: directory, extraArguments: ["--config", "/dev/null"] + arguments)
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        var ids: [String] = []
        for path in ["/v1/contacts", "/nowhere?email=ann@example.com"] {
            let response = try await client.execute(HTTPClientRequest(url: server.baseURL + path), timeout: .seconds(10))
            _ = try await response.body.collect(upTo: 1 << 20)
            ids.append(try #require(response.headers.first(name: "X-Request-Id")))
        }
        try await client.shutdown()
        let deadline = ContinuousClock.now + .seconds(20)
        while !ids.allSatisfy(server.log.contains), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        let log = server.log
        #expect(server.stop(with: SIGTERM) == 0)
        return (ids, log.split(separator: "\n", omittingEmptySubsequences: false).dropLast())
    }

    @Test("--log-format json: every line is a JSON object with ts, level and msg; access lines carry the X-Request-Id")
    func json() async throws {
        let (ids, lines) = try await serveTwoRequests(["--log-format", "json", "--log-level", "debug"])
        var accessLines: [JSONValue] = []
        for line in lines {
            let event = try JSONParser.parse(Array(line.utf8))
            #expect(event["ts"]?.stringValue?.hasSuffix("Z") == true && event["level"]?.stringValue != nil && event["msg"]?.stringValue != nil, "\(line)")
            if event["msg"]?.stringValue == "request" { accessLines.append(event) }
        }
        #expect(accessLines.compactMap { $0["request_id"]?.stringValue } == ids)
        let first = try #require(accessLines.first)
        #expect(first["level"]?.stringValue == "debug" && first["method"]?.stringValue == "GET" && first["path"]?.stringValue == "/v1/contacts")
        #expect(first["status"] == 401)
        #expect(accessLines.last?["status"] == 404 && accessLines.last?["path"]?.stringValue == "/nowhere")
        #expect(lines.contains { $0.contains(#""msg":"privy-edge listening on http://127.0.0.1:"#) })
    }

    @Test("--log-format logfmt: every line is key=value pairs with ts, level and msg; access lines carry the X-Request-Id")
    func logfmt() async throws {
        let (ids, lines) = try await serveTwoRequests(["--log-format", "logfmt", "--log-level", "debug"])
        let events = try lines.map { line in try #require(Self.logfmtPairs(line), "not logfmt: \(line)") }
        #expect(events.allSatisfy { $0["ts"] != nil && $0["level"] != nil && $0["msg"] != nil })
        let accessLines = events.filter { $0["msg"] == "request" }
        #expect(accessLines.compactMap { $0["request_id"] } == ids)
        #expect(accessLines.first?["status"] == "401" && accessLines.first?["duration_ms"].flatMap(Double.init) != nil)
        #expect(events.contains { $0["msg"]?.hasPrefix("privy-edge listening on http://127.0.0.1:") == true })
    }

    @Test("the default, text at info, writes no access lines, and no query string is ever logged")
    func textAtInfo() async throws {
        let (ids, lines) = try await serveTwoRequests([])
        #expect(!lines.contains { line in ids.contains { line.contains($0) } })
        let listening = try #require(lines.first { $0.contains("privy-edge listening on") })
        #expect(listening.split(separator: " ").dropFirst().first == "notice")
        #expect(!lines.contains { $0.contains("ann@example.com") })
    }

    /// A logfmt line's pairs: `key=value` or `key="quoted \" value"`; `nil` if it is not logfmt.
    private static func logfmtPairs(_ line: Substring) -> [String: String]? {
        var pairs: [String: String] = [:]
        var rest = line[...]
        while !rest.isEmpty {
            guard let equals = rest.firstIndex(of: "="), !rest[..<equals].contains(" ") else { return nil }
            let key = String(rest[..<equals])
            rest = rest[rest.index(after: equals)...]
            var value = ""
            if rest.first == "\"" {
                rest = rest.dropFirst()
                while let character = rest.first, character != "\"" {
                    rest = rest.dropFirst()
                    if character == "\\", let escaped = rest.first {
                        value.append(escaped == "n" ? "\n" : escaped)
                        rest = rest.dropFirst()
                    } else {
                        value.append(character)
                    }
                }
                guard rest.first == "\"" else { return nil }
                rest = rest.dropFirst()
            } else {
                value = String(rest.prefix { $0 != " " })
                rest = rest.dropFirst(value.count)
            }
            pairs[key] = value
            guard rest.isEmpty || rest.first == " " else { return nil }
            rest = rest.drop { $0 == " " }
        }
        return pairs
    }
}
