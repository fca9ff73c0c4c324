public import PrivyDomain
import LMDB

/// Who is calling: the token that authenticated a request.
public struct Principal: Sendable, Hashable {
    /// The token's id (`tok_…`), recorded in audit events.
    public var tokenID: String
    /// What the token may do.
    public var scopes: Scopes
}

/// Why a bearer token was not accepted.
public enum AuthenticationFailure: Error, Sendable, Equatable {
    /// No such token (or not a privy-edge token at all).
    case unknown
    /// The token's lifetime has passed.
    case expired
    /// An operator revoked the token.
    case revoked
}

extension CredentialStore {
    /// Mints an API token.
    /// - Parameters:
    ///   - scopes: what it may do.
    ///   - name: a label for people.
    ///   - expiresAt: when it stops working; `nil` for never.
    ///   - origin: who asked for it.
    /// - Returns: the record and the token, which is not stored and cannot be shown again.
    public func mintToken(
        scopes: Scopes,
        name: String?,
        expiresAt: Timestamp?,
        origin: APIToken.Origin = .operator_,
        now: Timestamp = .now()
    ) async throws -> MintedToken {
        let tables = tables
        return try await writer.perform { txn in
            while true {
                let token = APIToken.prefix + Secret.hex(count: APIToken.hexLength)
                let id = APIToken.id(of: token)!
                let record = APIToken(
                    id: id, name: name, scopes: scopes, origin: origin, createdAt: now,
                    expiresAt: expiresAt, revokedAt: nil, digest: Secret.digest(of: token)
                )
                if try txn.insert(record.encoded(), forKey: id, in: tables.tokens) {
                    return MintedToken(record: record, token: token)
                }
            }
        }
    }

    /// Every token, oldest first.
    public func tokens() throws -> [APIToken] {
        try credentials(APIToken.self)
    }

    /// Revokes a token: at once in this process, within a second in every other process
    /// serving this data directory (they trust a verified token for that long).
    /// - Returns: the revoked record, or `nil` if there is no such token.
    public func revokeToken(id: String, now: Timestamp = .now()) async throws -> APIToken? {
        defer { verifiedTokens.forgetAll() }
        return try await revoke(APIToken.self, id: id, now: now)
    }

    /// Checks a bearer token.
    /// - Parameters:
    ///   - token: the text after `Bearer `.
    ///   - now: the time to check expiry against.
    /// - Returns: the caller.
    /// - Throws: ``AuthenticationFailure``.
    public func authenticate(bearer token: String, now: Timestamp = .now()) throws -> Principal {
        let checkedAt = ContinuousClock.now
        let record: APIToken
        if let verified = verifiedTokens.record(for: token, at: checkedAt) {
            record = verified
        } else {
            guard let id = APIToken.id(of: token) else { throw AuthenticationFailure.unknown }
            let digest = Secret.digest(of: token)
            let stored = try environment.read { txn in
                try txn.withValue(forKey: id, in: tables.tokens, APIToken.init(decoding:))
            }
            guard let stored, Secret.matches(digest, stored.digest) else { throw AuthenticationFailure.unknown }
            record = stored
            verifiedTokens.remember(record, for: token, at: checkedAt)
        }
        switch record.status(at: now) {
        case .active: return Principal(tokenID: record.id, scopes: record.scopes)
        case .expired: throw AuthenticationFailure.expired
        case .revoked: throw AuthenticationFailure.revoked
        }
    }

    /// Creates an OAuth client for the client-credentials grant.
    /// - Returns: the record and the secret, which is not stored and cannot be shown again.
    public func createClient(scopes: Scopes, name: String?, now: Timestamp = .now()) async throws -> CreatedClient {
        let tables = tables
        return try await writer.perform { txn in
            while true {
                let secret = Secret.hex(count: 48)
                let client = OAuthClient(
                    id: "cli_" + Secret.hex(count: 16), name: name, scopes: scopes,
                    createdAt: now, secretDigest: Secret.digest(of: secret)
                )
                if try txn.insert(client.encoded(), forKey: client.id, in: tables.oauthClients) {
                    return CreatedClient(client: client, secret: secret)
                }
            }
        }
    }

    /// Every OAuth client, oldest first.
    public func clients() throws -> [OAuthClient] {
        try credentials(OAuthClient.self)
    }

    /// Revokes a client: it can no longer obtain tokens.
    /// - Returns: the revoked record, or `nil` if there is no such client.
    public func revokeClient(id: String, now: Timestamp = .now()) async throws -> OAuthClient? {
        try await revoke(OAuthClient.self, id: id, now: now)
    }

    /// The lifetime of OAuth access tokens, as Privy issues them.
    public static let accessTokenLifetime: Int64 = 7200

    /// Exchanges client credentials for an access token (`grant_type=client_credentials`).
    /// - Parameters:
    ///   - clientID: the client's id.
    ///   - secret: the client's secret.
    ///   - requested: the scopes asked for; `nil` means `contacts_read`, as Privy does.
    /// - Returns: a token that expires after ``accessTokenLifetime`` seconds.
    /// - Throws: ``AuthenticationFailure`` for bad credentials, ``ScopeNotGranted`` when the
    ///   client may not have a requested scope.
    public func exchangeClientCredentials(
        clientID: String,
        secret: String,
        requested: Scopes?,
        now: Timestamp = .now()
    ) async throws -> MintedToken {
        let client = try environment.read { txn in
            try txn.withValue(forKey: clientID, in: tables.oauthClients, OAuthClient.init(decoding:))
        }
        guard let client, Secret.matches(Secret.digest(of: secret), client.secretDigest) else {
            throw AuthenticationFailure.unknown
        }
        guard client.revokedAt == nil else { throw AuthenticationFailure.revoked }
        let scopes = requested ?? .contactsRead
        guard client.scopes.isSuperset(of: scopes) else { throw ScopeNotGranted(requested: scopes, allowed: client.scopes) }
        let expiry = Timestamp(microsecondsSinceEpoch: now.microsecondsSinceEpoch + CredentialStore.accessTokenLifetime * 1_000_000)
        return try await mintToken(scopes: scopes, name: nil, expiresAt: expiry, origin: .oauthClient(client.id), now: now)
    }
}

/// A client asked for a scope it was not given.
public struct ScopeNotGranted: Error, Sendable, Equatable {
    /// What was asked for.
    public var requested: Scopes
    /// What the client may have.
    public var allowed: Scopes
}
