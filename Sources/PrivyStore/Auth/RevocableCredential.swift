import LMDB
import PrivyDomain

/// A credential an operator lists and revokes: API tokens and OAuth clients.
protocol RevocableCredential: StoredRecord, Sendable, SendableMetatype {
    /// When it was created: lists are oldest first.
    var createdAt: Timestamp { get }
    /// When it was revoked; `nil` while it is good.
    var revokedAt: Timestamp? { get set }
    /// The table that holds it.
    static func database(in tables: Tables) -> Database
}

extension CredentialStore {
    /// Every credential of a kind, oldest first.
    func credentials<Credential: RevocableCredential>(_: Credential.Type) throws -> [Credential] {
        try environment.read { txn in
            try txn.records(Credential.self, in: Credential.database(in: tables)).sorted { $0.createdAt < $1.createdAt }
        }
    }

    /// Revokes credential `id`; revoking one already revoked keeps its first revocation time.
    /// - Returns: the revoked record, or `nil` if there is no such credential.
    func revoke<Credential: RevocableCredential>(_: Credential.Type, id: String, now: Timestamp) async throws -> Credential? {
        let database = Credential.database(in: tables)
        return try await writer.perform { txn in
            guard var credential = try txn.withValue(forKey: id, in: database, Credential.init(decoding:)) else {
                return nil
            }
            if credential.revokedAt == nil {
                credential.revokedAt = now
                try txn.put(credential.encoded(), forKey: id, in: database)
            }
            return credential
        }
    }
}
