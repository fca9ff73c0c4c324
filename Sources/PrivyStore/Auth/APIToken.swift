import LMDB
public import PrivyDomain

/// A bearer token the appliance accepts: an operator-minted API token or an OAuth access token.
///
/// The token itself is `privy_` + 40 hex digits; its first 10 hex digits name it (`tok_…`)
/// and only the SHA-256 digest of the whole token is stored.
public struct APIToken: Sendable, Hashable {
    /// Where a token came from.
    public enum Origin: Sendable, Hashable {
        /// Minted by an operator with `privy-edge tokens create`.
        case operator_
        /// Issued by `POST /oauth/token` to the named OAuth client.
        case oauthClient(String)
    }

    /// The token's public name, `tok_` + 10 hex digits.
    public var id: String
    /// A label for people.
    public var name: String?
    /// What the token may do.
    public var scopes: Scopes
    /// Where it came from.
    public var origin: Origin
    /// When it was minted.
    public var createdAt: Timestamp
    /// When it stops working, if ever.
    public var expiresAt: Timestamp?
    /// When an operator revoked it, if ever.
    public var revokedAt: Timestamp?
    var digest: [UInt8]

    static let prefix = "privy_"
    static let hexLength = 40
    static let idHexLength = 10

    /// The token's id, if `token` has the shape of a privy-edge token.
    static func id(of token: String) -> String? {
        guard token.hasPrefix(prefix) else { return nil }
        let hex = token.dropFirst(prefix.count)
        guard Secret.isHex(hex, count: hexLength) else { return nil }
        return "tok_" + hex.prefix(idHexLength)
    }

    /// Whether the token is usable at `now`.
    public func status(at now: Timestamp) -> Status {
        if revokedAt != nil { return .revoked }
        if let expiresAt, expiresAt <= now { return .expired }
        return .active
    }

    /// Whether a token can be used.
    public enum Status: String, Sendable {
        case active, expired, revoked
    }
}

/// A newly minted token: the record and the secret, which is shown once and never stored.
public struct MintedToken: Sendable {
    /// The stored record.
    public var record: APIToken
    /// The bearer token to hand to the client.
    public var token: String
}

extension APIToken {
    func writeFields(to writer: inout RecordWriter) {
        writer.write(id)
        writer.write(name)
        writer.write(scopes.rawValue)
        switch origin {
        case .operator_:
            writer.write(UInt8(0))
        case .oauthClient(let client):
            writer.write(UInt8(1))
            writer.write(client)
        }
        writer.write(createdAt.microsecondsSinceEpoch)
        writer.write(expiresAt?.microsecondsSinceEpoch)
        writer.write(revokedAt?.microsecondsSinceEpoch)
        writer.write(digest)
    }

    init(readingFields reader: inout RecordReader) throws(CorruptRecord) {
        id = try reader.read(String.self)
        name = try reader.read(String?.self)
        scopes = Scopes(rawValue: try reader.read(UInt8.self))
        switch try reader.read(UInt8.self) {
        case 0: origin = .operator_
        case 1: origin = .oauthClient(try reader.read(String.self))
        default: throw CorruptRecord(what: "token origin")
        }
        createdAt = Timestamp(microsecondsSinceEpoch: try reader.read(Int64.self))
        expiresAt = try reader.read(Int64?.self).map(Timestamp.init(microsecondsSinceEpoch:))
        revokedAt = try reader.read(Int64?.self).map(Timestamp.init(microsecondsSinceEpoch:))
        digest = try reader.read([UInt8].self)
    }
}

extension APIToken: RevocableCredential {
    static let table = "tokens"

    static func database(in tables: Tables) -> Database {
        tables.tokens
    }
}
