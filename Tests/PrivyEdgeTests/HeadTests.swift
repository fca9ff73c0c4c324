import HTTPTypes
import HummingbirdTesting
import NIOCore
import PrivyJSON
import Testing

/// RFC 9110 §9.3.2: HEAD answers what GET would, without the body.
@Suite("HEAD on every GET route, through the real server")
struct HeadTests {
    @Test("HEAD gets the GET's status and headers, Content-Length included, and no body; errors too")
    func headMirrorsGet() async throws {
        try await EdgeFixture.run(setup: .ahc(.http)) { client, fixture in
            let id = try await client.createContact(#"{"email":"h@example.com","first_name":"Head"}"#, token: fixture.writerToken)
            _ = try await client.call(.post, "/v1/orders/placed", token: fixture.adminToken, body: #"{"order_id":5,"total":"1.00","currency":"USD","order_date":"2026-01-01T00:00:00Z","email":"h@example.com"}"#)
            let routes: [(String, String, HTTPResponse.Status)] = [
                ("/v1/contacts", fixture.readerToken, .ok),
                ("/v1/contacts?email=h@example.com", fixture.readerToken, .ok),
                ("/v1/contacts/\(id)", fixture.readerToken, .ok),
                ("/v1/contacts/\(id)/consent_events", fixture.readerToken, .ok),
                ("/v1/orders/5", fixture.adminToken, .ok),
                ("/v1/sync/status", fixture.adminToken, .ok),
                ("/v1/contacts/cus_nothing", fixture.readerToken, .notFound),
                ("/v1/contacts?per_page=0", fixture.readerToken, .unprocessableContent),
                ("/v1/contacts", "privy_" + String(repeating: "0", count: 40), .unauthorized),
                ("/v1/orders/5", fixture.readerToken, .forbidden),
            ]
            for (path, token, status) in routes {
                let get = try await client.execute(uri: path, method: .get, headers: [.authorization: "Bearer \(token)"])
                let head = try await client.execute(uri: path, method: .head, headers: [.authorization: "Bearer \(token)"])
                #expect(get.status == status && head.status == status, "\(path): GET \(get.status), HEAD \(head.status)")
                #expect(head.body.readableBytes == 0, "\(path)")
                #expect(head.headers[.contentLength] == String(get.body.readableBytes), "\(path)")
                #expect(head.headers[.contentType] == get.headers[.contentType], "\(path)")
            }
        }
    }
}
