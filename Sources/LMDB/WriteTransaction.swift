internal import CLMDB

/// A read-write transaction. Only a ``GroupCommitWriter`` creates one, on its own thread,
/// and it lives for one batch: operations must not keep it.
public final class WriteTransaction: Transaction {
    public let handle: OpaquePointer
    /// How many puts and deletes succeeded so far; the writer (and an operation that lets parts
    /// of itself fail alone) uses it to tell whether a failing step left changes behind.
    public private(set) var changeCount = 0
    /// Set when LMDB reported that the map is full, even if an operation swallowed the error.
    private(set) var hitMapFull = false
    /// Set when LMDB reported that the transaction holds too many dirty pages.
    private(set) var hitTransactionFull = false
    /// Set when an LMDB call failed in a way that leaves the transaction unusable: the operation
    /// must throw, so the writer aborts (and replays) the batch.
    public private(set) var isPoisoned = false

    init(handle: OpaquePointer) {
        self.handle = handle
    }

    /// Stores `value` under `key`, replacing any existing value.
    /// - Parameters:
    ///   - value: the bytes to store.
    ///   - key: the key (1…511 bytes).
    ///   - database: where to store it.
    public func put(_ value: some BytesConvertible, forKey key: some BytesConvertible, in database: Database) throws(LMDBError) {
        try put(value, forKey: key, in: database, flags: 0)
    }

    /// Stores `value` under `key` only if the key is absent.
    /// - Returns: `false` if the key already existed (nothing was written).
    public func insert(_ value: some BytesConvertible, forKey key: some BytesConvertible, in database: Database) throws(LMDBError) -> Bool {
        do {
            try put(value, forKey: key, in: database, flags: UInt32(MDB_NOOVERWRITE))
            return true
        } catch where error == .keyExists {
            return false
        }
    }

    /// Removes `key` and its value.
    /// - Returns: whether the key was present.
    @discardableResult
    public func delete(_ key: some BytesConvertible, in database: Database) throws(LMDBError) -> Bool {
        let code = key.withBytes { keyBytes in
            var keyVal = MDB_val(bytes: keyBytes)
            return mdb_del(handle, database.dbi, &keyVal, nil)
        }
        if code == MDB_NOTFOUND { return false }
        try record(code)
        return true
    }

    /// Opens (creating if asked) a named database. The handle is usable by every thread once
    /// this transaction commits.
    /// - Returns: the handle, or `nil` if the database does not exist and `flags` lacks `create`.
    public func openDatabase(named name: String, flags: DatabaseFlags = .create) throws(LMDBError) -> Database? {
        var dbi = MDB_dbi()
        let code = mdb_dbi_open(handle, name, flags.rawValue, &dbi)
        if code == MDB_NOTFOUND { return nil }
        try record(code)
        return Database(dbi: dbi, name: name)
    }

    private func put(_ value: some BytesConvertible, forKey key: some BytesConvertible, in database: Database, flags: UInt32) throws(LMDBError) {
        let code = key.withBytes { keyBytes in
            value.withBytes { valueBytes in
                var keyVal = MDB_val(bytes: keyBytes)
                var valueVal = MDB_val(bytes: valueBytes)
                return mdb_put(handle, database.dbi, &keyVal, &valueVal, flags)
            }
        }
        try record(code)
    }

    private func record(_ code: Int32) throws(LMDBError) {
        switch code {
        case MDB_SUCCESS:
            changeCount += 1
        case MDB_KEYEXIST, MDB_BAD_VALSIZE:
            // Checked before LMDB touches anything: the transaction stays usable.
            throw LMDBError(code: code)
        case MDB_MAP_FULL:
            hitMapFull = true
            isPoisoned = true
            throw LMDBError(code: code)
        case MDB_TXN_FULL:
            hitTransactionFull = true
            isPoisoned = true
            throw LMDBError(code: code)
        default:
            isPoisoned = true
            throw LMDBError(code: code)
        }
    }
}
