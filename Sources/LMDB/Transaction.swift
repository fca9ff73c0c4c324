internal import CLMDB

/// The reads every transaction offers. Values handed to closures point into the memory map
/// and are valid only inside the closure: copy out what you keep.
public protocol Transaction {
    /// LMDB's transaction handle.
    var handle: OpaquePointer { get }
}

extension Transaction {
    /// Calls `body` with the value stored under `key`, if any. A key LMDB cannot hold (empty,
    /// or longer than its key size limit of 511 bytes) is never present, so looking one up
    /// finds nothing rather than failing: callers may look up untrusted input as it came.
    /// - Parameters:
    ///   - key: the key to look up.
    ///   - database: where to look.
    ///   - body: reads the value; the buffer is valid only during the call.
    /// - Returns: what `body` returns, or `nil` if there is no such key.
    public func withValue<R>(
        forKey key: some BytesConvertible,
        in database: Database,
        _ body: (UnsafeRawBufferPointer) throws -> R
    ) throws -> R? {
        try key.withBytes { keyBytes in
            var keyVal = MDB_val(bytes: keyBytes)
            var value = MDB_val()
            let code = mdb_get(handle, database.dbi, &keyVal, &value)
            if code == MDB_NOTFOUND || code == MDB_BAD_VALSIZE { return nil }
            try LMDBError.check(code)
            return try body(value.bytes)
        }
    }

    /// The value stored under `key`, copied out of the map.
    /// - Parameters:
    ///   - key: the key to look up.
    ///   - database: where to look.
    /// - Returns: a copy of the value, or `nil` if there is no such key.
    public func value(forKey key: some BytesConvertible, in database: Database) throws -> [UInt8]? {
        try withValue(forKey: key, in: database) { [UInt8]($0) }
    }

    /// Whether `key` is present in `database`.
    public func contains(_ key: some BytesConvertible, in database: Database) throws -> Bool {
        try withValue(forKey: key, in: database) { _ in true } ?? false
    }

    /// Runs `body` with a cursor over `database`; the cursor is closed when `body` returns.
    /// - Parameters:
    ///   - database: the database to walk.
    ///   - body: moves the cursor and reads entries.
    /// - Returns: what `body` returns.
    public func withCursor<R>(on database: Database, _ body: (inout Cursor) throws -> R) throws -> R {
        var cursorHandle: OpaquePointer?
        try LMDBError.check(mdb_cursor_open(handle, database.dbi, &cursorHandle))
        guard let cursorHandle else { throw LMDBError(code: MDB_PANIC) }
        defer { mdb_cursor_close(cursorHandle) }
        var cursor = Cursor(handle: cursorHandle)
        return try body(&cursor)
    }

    /// Visits entries in key order, starting at the first key not less than `start`, until
    /// `body` returns `false` or the keys stop sharing `prefix`.
    /// - Parameters:
    ///   - database: the database to walk.
    ///   - start: the first key to consider; `nil` or empty starts at the first key.
    ///   - prefix: stop at the first key that does not begin with these bytes (empty: no limit).
    ///   - body: sees each key and value (valid only during the call); returns whether to go on.
    public func forEach(
        in database: Database,
        from start: [UInt8]? = nil,
        prefix: [UInt8] = [],
        _ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws -> Bool
    ) throws {
        try withCursor(on: database) { cursor in
            var entry = if let start, !start.isEmpty { try cursor.seek(atLeast: start) } else { try cursor.first() }
            while let current = entry {
                guard current.key.starts(with: prefix), try body(current.key, current.value) else { return }
                entry = try cursor.next()
            }
        }
    }

    /// The number of entries in `database`, read from its header (no scan).
    public func count(of database: Database) throws -> Int {
        var stat = MDB_stat()
        try LMDBError.check(mdb_stat(handle, database.dbi, &stat))
        return stat.ms_entries
    }
}

/// A read-only transaction, valid only inside ``Environment/read(_:)``.
public struct ReadTransaction: Transaction {
    public let handle: OpaquePointer
}
