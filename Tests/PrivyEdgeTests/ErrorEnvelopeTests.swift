import HTTPTypes
import HummingbirdTesting
import PrivyAPI
import PrivyStore
import Testing

@Suite("Error envelope, through the real server")
struct ErrorEnvelopeTests {
    @Test("malformed JSON, a non-object body and wrong field types get 400 bad_request and write nothing",
          arguments: [#"{"email": "a@example.com""#, #"["a@example.com"]"#, "", #"{"email": 5}"#, #"{"email":"a@example.com","email":"b@example.com"}"#, "\u{FF}\u{FE}"])
    func badBodies(body: String) async throws {
        try await EdgeFixture.run { client, fixture in
            let response = try await client.call(.post, "/v1/contacts", token: fixture.writerToken, body: body)
            #expect(response.status == .badRequest)
            #expect(response.errorCode == "bad_request")
            #expect(response.error["message"]?.stringValue?.isEmpty == false)
            #expect(try fixture.store.contacts.list(matching: .init()).totalCount == 0)
        }
    }

    @Test("unknown routes and wrong methods get 404 or 405 in the envelope, with a request id")
    func unknownRoutes() async throws {
        try await EdgeFixture.run { client, fixture in
            let unknown = try await client.call(.get, "/v2/nothing", token: fixture.readerToken)
            #expect(unknown.status == .notFound)
            #expect(unknown.errorCode == "not_found")
            #expect(unknown.headers[HTTPField.Name("X-Request-Id")!]?.hasPrefix("req_") == true)
            let wrongMethod = try await client.call(.put, "/v1/contacts", token: fixture.writerToken, body: "{}")
            #expect(wrongMethod.status == .methodNotAllowed)
            #expect(wrongMethod.errorCode == "method_not_allowed")
            #expect(wrongMethod.headers[.allow]?.contains("POST") == true)
            for method: HTTPRequest.Method in [.trace, .query] {
                let other = try await client.call(method, "/v1/contacts", token: fixture.writerToken)
                #expect(other.status == .methodNotAllowed && other.headers[.allow] == "POST, GET, HEAD", "\(method)")
            }
            let headOnPost = try await client.call(.head, "/v1/orders/placed", token: fixture.adminToken)
            #expect(headOnPost.status == .methodNotAllowed && headOnPost.headers[.allow] == "POST")
        }
    }

    @Test("a body over the limit gets 413 payload_too_large")
    func oversize() async throws {
        try await EdgeFixture.run(configuration: .init(maxBodySize: 1024)) { client, fixture in
            let big = #"{"email":"a@example.com","first_name":""# + String(repeating: "x", count: 4096) + #""}"#
            let response = try await client.call(.post, "/v1/contacts", token: fixture.writerToken, body: big)
            #expect(response.status == .contentTooLarge)
            #expect(response.errorCode == "payload_too_large")
            #expect(try fixture.store.contacts.list(matching: .init()).totalCount == 0)
        }
    }

    @Test("every response carries a distinct request id")
    func requestIDs() async throws {
        try await EdgeFixture.run { client, fixture in
            var seen = Set<String>()
            for _ in 0..<5 {
                let response = try await client.call(.get, "/v1/contacts", token: fixture.readerToken)
                seen.insert(try #require(response.headers[HTTPField.Name("X-Request-Id")!]))
            }
            #expect(seen.count == 5)
        }
    }
}
