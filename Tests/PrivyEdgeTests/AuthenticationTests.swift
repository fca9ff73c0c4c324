import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PrivyDomain
import PrivyStore
import Testing

@Suite("Authentication and scopes, through the real server")
struct AuthenticationTests {
    @Test("missing, malformed and unknown bearer tokens get 401 in the envelope")
    func unauthenticated() async throws {
        try await EdgeFixture.run { client, _ in
            for token in [nil, "privy_" + String(repeating: "0", count: 40), "not-a-token"] {
                let response = try await client.call(.get, "/v1/contacts", token: token)
                #expect(response.status == .unauthorized)
                #expect(response.errorCode == "unauthorized")
                #expect(response.headers[.wwwAuthenticate] == "Bearer")
            }
            let basic = try await client.call(.get, "/v1/contacts", headers: [.authorization: "Basic YTpi"])
            #expect(basic.status == .unauthorized)
        }
    }

    @Test("expired and revoked tokens get 401 saying so")
    func expiredAndRevoked() async throws {
        try await EdgeFixture.run { client, fixture in
            let past = Timestamp(microsecondsSinceEpoch: Timestamp.now().microsecondsSinceEpoch - 1_000_000)
            let expired = try await fixture.store.credentials.mintToken(scopes: .contactsRead, name: nil, expiresAt: past)
            let response = try await client.call(.get, "/v1/contacts", token: expired.token)
            #expect(response.status == .unauthorized)
            #expect(response.error["message"]?.stringValue?.contains("expired") == true)

            let live = try await fixture.store.credentials.mintToken(scopes: .contactsRead, name: nil, expiresAt: nil)
            #expect(try await client.call(.get, "/v1/contacts", token: live.token).status == .ok)
            _ = try await fixture.store.credentials.revokeToken(id: live.record.id)
            let revoked = try await client.call(.get, "/v1/contacts", token: live.token)
            #expect(revoked.status == .unauthorized)
            #expect(revoked.error["message"]?.stringValue?.contains("revoked") == true)
        }
    }

    @Test("a token without the route's scope gets 403 insufficient_scope")
    func missingScope() async throws {
        try await EdgeFixture.run { client, fixture in
            let response = try await client.call(.post, "/v1/contacts", token: fixture.readerToken, body: #"{"email":"a@example.com"}"#)
            #expect(response.status == .forbidden)
            #expect(response.errorCode == "insufficient_scope")
            let admin = try await client.call(.post, "/v1/admin/contacts/cus_0000000000000000/consent", token: fixture.writerToken, body: "{}")
            #expect(admin.status == .forbidden)
            #expect(try fixture.store.contacts.list(matching: .init()).totalCount == 0)
        }
    }

    @Test("client credentials exchange for a 2-hour bearer token that works, with the asked scope only")
    func clientCredentials() async throws {
        try await EdgeFixture.run { client, fixture in
            let created = try await fixture.store.credentials.createClient(scopes: [.contactsRead, .contactsWrite], name: "shop")
            let form = "grant_type=client_credentials&client_id=\(created.client.id)&client_secret=\(created.secret)&scope=contacts_read+contacts_write"
            let exchanged = try await client.call(.post, "/oauth/token", body: form, headers: [.contentType: "application/x-www-form-urlencoded"])
            #expect(exchanged.status == .ok)
            #expect(exchanged.json["token_type"]?.stringValue == "Bearer")
            #expect(exchanged.json["expires_in"]?.intValue == 7200)
            #expect(exchanged.json["scope"]?.stringValue == "contacts_read contacts_write")
            #expect(exchanged.json["created_at"]?.intValue != nil)
            let token = try #require(exchanged.json["access_token"]?.stringValue)
            #expect(try await client.call(.post, "/v1/contacts", token: token, body: #"{"email":"oauth@example.com"}"#).status == .created)

            let defaultScope = try await client.call(.post, "/oauth/token", body: "grant_type=client_credentials&client_id=\(created.client.id)&client_secret=\(created.secret)")
            #expect(defaultScope.json["scope"]?.stringValue == "contacts_read")
            let readOnly = try #require(defaultScope.json["access_token"]?.stringValue)
            #expect(try await client.call(.post, "/v1/contacts", token: readOnly, body: #"{"email":"no@example.com"}"#).status == .forbidden)

            let wrongSecret = try await client.call(.post, "/oauth/token", body: "grant_type=client_credentials&client_id=\(created.client.id)&client_secret=nope")
            #expect(wrongSecret.status == .unauthorized)
            #expect(wrongSecret.errorCode == "unauthorized")
            let tooMuch = try await client.call(.post, "/oauth/token", body: "grant_type=client_credentials&client_id=\(created.client.id)&client_secret=\(created.secret)&scope=admin")
            #expect(tooMuch.status == .forbidden)
            let badGrant = try await client.call(.post, "/oauth/token", body: "grant_type=password")
            #expect(badGrant.status == .badRequest)

            _ = try await fixture.store.credentials.revokeClient(id: created.client.id)
            let revoked = try await client.call(.post, "/oauth/token", body: "grant_type=client_credentials&client_id=\(created.client.id)&client_secret=\(created.secret)")
            #expect(revoked.status == .unauthorized)
        }
    }

    @Test("secrets are stored only as digests")
    func secretsNotStored() async throws {
        try await EdgeFixture.run { _, fixture in
            let minted = try await fixture.store.credentials.mintToken(scopes: .contactsRead, name: "x", expiresAt: nil)
            let created = try await fixture.store.credentials.createClient(scopes: .contactsRead, name: "y")
            let data = try Data(contentsOf: URL(fileURLWithPath: fixture.directory + "/data.mdb"))
            #expect(data.range(of: Data(minted.token.utf8)) == nil)
            #expect(data.range(of: Data(created.secret.utf8)) == nil)
            #expect(data.range(of: Data(minted.record.id.utf8)) != nil)
        }
    }
}
