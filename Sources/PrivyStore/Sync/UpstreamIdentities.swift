import LMDB
import PrivyDomain

/// The link between local contact ids and the upstream's contact ids, kept both ways so that one
/// upstream contact is never the target of two local ones.
struct UpstreamIdentities {
    let tables: Tables

    /// The upstream id of a local contact, if it has been synced.
    func upstreamID(of local: ContactID, in transaction: some Transaction) throws -> String? {
        try transaction.withValue(forKey: local.rawValue, in: tables.syncUpstreamIDs) { String(decoding: $0, as: UTF8.self) }
    }

    /// The local contact linked to an upstream id, if any.
    func localID(of upstream: String, in transaction: some Transaction) throws -> ContactID? {
        try transaction.withValue(forKey: upstream, in: tables.syncLocalIDs) { ContactID(validating: String(decoding: $0, as: UTF8.self)) } ?? nil
    }

    /// Links `local` to `upstream`, replacing any earlier link of `local`.
    /// - Returns: the other local contact already linked to `upstream`, in which case nothing
    ///   was written.
    func link(_ local: ContactID, to upstream: String, in transaction: WriteTransaction) throws -> ContactID? {
        if let owner = try localID(of: upstream, in: transaction), owner != local {
            return owner
        }
        try unlink(local, in: transaction)
        try transaction.put(upstream, forKey: local.rawValue, in: tables.syncUpstreamIDs)
        try transaction.put(local.rawValue, forKey: upstream, in: tables.syncLocalIDs)
        return nil
    }

    /// Forgets the link of `local`, both ways.
    func unlink(_ local: ContactID, in transaction: WriteTransaction) throws {
        guard let upstream = try upstreamID(of: local, in: transaction) else { return }
        try transaction.delete(local.rawValue, in: tables.syncUpstreamIDs)
        try transaction.delete(upstream, in: tables.syncLocalIDs)
    }
}
