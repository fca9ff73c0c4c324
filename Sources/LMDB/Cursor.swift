internal import CLMDB

/// A position in a database. Entries it returns point into the map and are valid until the
/// cursor moves or its transaction ends.
public struct Cursor {
    /// A key and value under the cursor.
    public struct Entry {
        /// The entry's key.
        public let key: UnsafeRawBufferPointer
        /// The entry's value.
        public let value: UnsafeRawBufferPointer
    }

    let handle: OpaquePointer

    init(handle: OpaquePointer) {
        self.handle = handle
    }

    /// Moves to the first entry. - Returns: it, or `nil` if the database is empty.
    public mutating func first() throws -> Entry? {
        try move(MDB_FIRST)
    }

    /// Moves to the last entry. - Returns: it, or `nil` if the database is empty.
    public mutating func last() throws -> Entry? {
        try move(MDB_LAST)
    }

    /// Moves to the next entry. - Returns: it, or `nil` past the end.
    public mutating func next() throws -> Entry? {
        try move(MDB_NEXT)
    }

    /// Moves to the previous entry. - Returns: it, or `nil` before the start.
    public mutating func previous() throws -> Entry? {
        try move(MDB_PREV)
    }

    /// Moves to the first entry whose key is not less than `key`.
    /// - Returns: that entry, or `nil` if every key is less.
    public mutating func seek(atLeast key: some BytesConvertible) throws -> Entry? {
        try key.withBytes { bytes in
            var keyVal = MDB_val(bytes: bytes)
            var value = MDB_val()
            return try entry(mdb_cursor_get(handle, &keyVal, &value, MDB_SET_RANGE), keyVal, value)
        }
    }

    mutating func move(_ op: MDB_cursor_op) throws -> Entry? {
        var key = MDB_val()
        var value = MDB_val()
        return try entry(mdb_cursor_get(handle, &key, &value, op), key, value)
    }

    func entry(_ code: Int32, _ key: MDB_val, _ value: MDB_val) throws -> Entry? {
        if code == MDB_NOTFOUND { return nil }
        try LMDBError.check(code)
        return Entry(key: key.bytes, value: value.bytes)
    }
}
