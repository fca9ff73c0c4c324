internal import CLMDB

/// An error returned by LMDB, carrying its code and LMDB's own message.
public struct LMDBError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The raw LMDB or `errno` code.
    public let code: Int32

    /// Creates an error for an LMDB return code.
    /// - Parameter code: the non-zero value an `mdb_*` function returned.
    public init(code: Int32) {
        self.code = code
    }

    /// LMDB's description of the error (`mdb_strerror`).
    public var message: String {
        String(cString: mdb_strerror(code))
    }

    public var description: String {
        "LMDB error \(code): \(message)"
    }

    /// The key or value was not found.
    public static let notFound = LMDBError(code: MDB_NOTFOUND)
    /// The key exists and `MDB_NOOVERWRITE` was given.
    public static let keyExists = LMDBError(code: MDB_KEYEXIST)
    /// The environment's map size is exhausted.
    public static let mapFull = LMDBError(code: MDB_MAP_FULL)
    /// Another process grew the map beyond this process's mapping.
    public static let mapResized = LMDBError(code: MDB_MAP_RESIZED)
    /// A single transaction has too many dirty pages.
    public static let transactionFull = LMDBError(code: MDB_TXN_FULL)
    /// A key or value is empty or too large.
    public static let badValueSize = LMDBError(code: MDB_BAD_VALSIZE)
    /// The named database does not exist and was not created.
    public static let databaseNotFound = notFound
}

extension LMDBError {
    /// Throws an ``LMDBError`` unless `code` is `MDB_SUCCESS`.
    @inline(__always)
    static func check(_ code: Int32) throws(LMDBError) {
        if code != MDB_SUCCESS {
            throw LMDBError(code: code)
        }
    }
}
