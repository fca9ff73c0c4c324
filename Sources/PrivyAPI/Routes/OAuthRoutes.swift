import Hummingbird
import NIOCore
import PrivyDomain
import PrivyJSON
import PrivyStore

/// `POST /oauth/token`: the OAuth 2 client-credentials grant, answering as Privy does.
struct OAuthRoutes {
    let store: Store
    let configuration: APIConfiguration

    func register(on routes: inout RouteTable) {
        routes.on(.post, "oauth/token", use: issueToken)
    }

    @Sendable
    func issueToken(_ request: Request, context: EdgeRequestContext) async throws -> Response {
        let body = try await request.collectBody(limit: configuration.maxBodySize)
        let form = try FormBody(body.readableBytesView)
        guard form["grant_type"] == "client_credentials" else {
            throw APIError.badRequest("grant_type must be client_credentials")
        }
        guard let clientID = form["client_id"], let secret = form["client_secret"] else {
            throw APIError.badRequest("client_id and client_secret are required")
        }
        var requested: Scopes?
        if let scope = form["scope"] {
            guard let scopes = Scopes(parsing: scope) else {
                throw APIError.badRequest("scope must list known scopes: \(Scopes.named.map(\.name).joined(separator: ", "))")
            }
            requested = scopes
        }
        let minted: MintedToken
        do {
            minted = try await store.credentials.exchangeClientCredentials(clientID: clientID, secret: secret, requested: requested)
        } catch is AuthenticationFailure {
            throw APIError.unauthorized("unknown client or wrong client secret")
        } catch let refusal as ScopeNotGranted {
            throw APIError(.forbidden, code: "insufficient_scope", message: "this client may ask only for: \(refusal.allowed)")
        }
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("access_token")
        writer.string(minted.token)
        writer.key("token_type")
        writer.string("Bearer")
        writer.key("expires_in")
        writer.int(CredentialStore.accessTokenLifetime)
        writer.key("scope")
        writer.string(minted.record.scopes.description)
        writer.key("created_at")
        writer.int(minted.record.createdAt.microsecondsSinceEpoch / 1_000_000)
        writer.endObject()
        return .json(writer.bytes, headers: [.cacheControl: "no-store"])
    }
}
