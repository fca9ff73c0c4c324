internal import CLMDB

/// Flags for opening an ``Environment``. `MDB_NOTLS` is always added: read transactions are
/// short and never tied to a thread.
public struct EnvironmentFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32

    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// The path names the data file itself, not a directory.
    public static let noSubdirectory = EnvironmentFlags(rawValue: UInt32(MDB_NOSUBDIR))
    /// Do not fsync on commit: a system crash may lose or corrupt recent commits.
    public static let noSync = EnvironmentFlags(rawValue: UInt32(MDB_NOSYNC))
    /// fsync data on commit but not the meta page: a system crash may undo the last commit,
    /// never corrupt the database.
    public static let noMetaSync = EnvironmentFlags(rawValue: UInt32(MDB_NOMETASYNC))
    /// Open read-only.
    public static let readOnly = EnvironmentFlags(rawValue: UInt32(MDB_RDONLY))
    /// Turn off read-ahead, which helps random reads on databases larger than memory.
    public static let noReadAhead = EnvironmentFlags(rawValue: UInt32(MDB_NORDAHEAD))
}

/// Flags for opening a named ``Database``.
public struct DatabaseFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32

    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// Create the database if it does not exist (write transactions only).
    public static let create = DatabaseFlags(rawValue: UInt32(MDB_CREATE))
}
