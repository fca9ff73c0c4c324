import LMDB

/// The layout version stored under `schema_version` in `meta`.
enum SchemaVersion {
    /// The version this build writes and reads.
    static let current: UInt32 = 1
    static let key = "schema_version"

    /// The version stored in an existing environment, or `nil` for a new one.
    /// Reads only: a directory from a newer privy-edge is left untouched.
    static func stored(in environment: Environment) throws -> UInt32? {
        guard let meta = try environment.existingDatabase(named: "meta") else { return nil }
        return try environment.read { txn in
            try txn.withValue(forKey: key, in: meta) { bytes -> UInt32 in
                guard bytes.count == 4 else { throw StoreError.corrupt("schema_version") }
                return UInt32(bigEndian: bytes.loadUnaligned(as: UInt32.self))
            }
        }
    }

    /// Records the current version in a new environment.
    static func write(in transaction: WriteTransaction, meta: Database) throws {
        try transaction.put(withUnsafeBytes(of: current.bigEndian, Array.init), forKey: key, in: meta)
    }
}
