import LMDB
public import PrivyDomain

/// An OAuth client allowed to exchange its credentials for access tokens
/// (`grant_type=client_credentials`). Only the SHA-256 digest of its secret is stored.
public struct OAuthClient: Sendable, Hashable {
    /// The client id, `cli_` + 16 hex digits.
    public var id: String
    /// A label for people.
    public var name: String?
    /// The most an access token for this client may do.
    public var scopes: Scopes
    /// When it was created.
    public var createdAt: Timestamp
    /// When an operator revoked it, if ever.
    public var revokedAt: Timestamp?
    var secretDigest: [UInt8]

    func writeFields(to writer: inout RecordWriter) {
        writer.write(id)
        writer.write(name)
        writer.write(scopes.rawValue)
        writer.write(createdAt.microsecondsSinceEpoch)
        writer.write(revokedAt?.microsecondsSinceEpoch)
        writer.write(secretDigest)
    }

    init(id: String, name: String?, scopes: Scopes, createdAt: Timestamp, secretDigest: [UInt8]) {
        self.id = id
        self.name = name
        self.scopes = scopes
        self.createdAt = createdAt
        self.secretDigest = secretDigest
    }

    init(readingFields reader: inout RecordReader) throws(CorruptRecord) {
        id = try reader.read(String.self)
        name = try reader.read(String?.self)
        scopes = Scopes(rawValue: try reader.read(UInt8.self))
        createdAt = Timestamp(microsecondsSinceEpoch: try reader.read(Int64.self))
        revokedAt = try reader.read(Int64?.self).map(Timestamp.init(microsecondsSinceEpoch:))
        secretDigest = try reader.read([UInt8].self)
    }
}

/// A newly created client: the record and its secret, shown once and never stored.
public struct CreatedClient: Sendable {
    /// The stored record.
    public var client: OAuthClient
    /// The client secret to hand over.
    public var secret: String
}

extension OAuthClient: RevocableCredential {
    static let table = "oauth_clients"

    static func database(in tables: Tables) -> Database {
        tables.oauthClients
    }
}
