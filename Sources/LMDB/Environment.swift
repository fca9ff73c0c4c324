internal import CLMDB

/// An LMDB environment: one memory-mapped data file holding named databases.
///
/// Reads run on any thread in short read transactions (``read(_:)``). Writes are only ever
/// made by a ``GroupCommitWriter``, on its own thread.
public final class Environment: @unchecked Sendable {
    /// How to open an environment.
    public struct Configuration: Sendable {
        /// The map size to start with, in bytes.
        public var initialMapSize: Int
        /// The largest the map may grow to, in bytes; at this size writes fail with
        /// ``GroupCommitWriter/Failure/storageFull``.
        public var maxMapSize: Int
        /// The most named databases the environment will hold.
        public var maxDatabases: UInt32
        /// The most concurrent read transactions across all processes.
        public var maxReaders: UInt32
        /// Extra open flags; `MDB_NOTLS` is always set.
        public var flags: EnvironmentFlags
        /// File mode for newly created files.
        public var fileMode: UInt32

        /// Creates a configuration.
        /// - Parameters:
        ///   - initialMapSize: starting map size in bytes (default 64 MiB).
        ///   - maxMapSize: largest map size in bytes (default 64 GiB).
        ///   - maxDatabases: named databases (default 32).
        ///   - maxReaders: concurrent readers (default 512).
        ///   - flags: extra flags (default none: fully durable).
        ///   - fileMode: permissions for new files (default 0o600).
        public init(
            initialMapSize: Int = 64 << 20,
            maxMapSize: Int = 64 << 30,
            maxDatabases: UInt32 = 32,
            maxReaders: UInt32 = 512,
            flags: EnvironmentFlags = [],
            fileMode: UInt32 = 0o600
        ) {
            self.initialMapSize = initialMapSize
            self.maxMapSize = maxMapSize
            self.maxDatabases = maxDatabases
            self.maxReaders = maxReaders
            self.flags = flags
            self.fileMode = fileMode
        }
    }

    /// Figures about the environment's map.
    public struct Info: Sendable, Hashable {
        /// Current map size in bytes.
        public var mapSize: Int
        /// Bytes in use: pages up to the last one written.
        public var usedBytes: Int
        /// The configured reader slots.
        public var maxReaders: Int
        /// Reader slots in use.
        public var readers: Int
    }

    let handle: OpaquePointer
    let mapLock = MapLock()
    /// The directory (or file, with ``EnvironmentFlags/noSubdirectory``) this environment lives in.
    public let path: String
    /// The configuration the environment was opened with.
    public let configuration: Configuration

    /// Opens (creating if needed) the environment at `path`.
    /// - Parameters:
    ///   - path: an existing directory, or a file path with ``EnvironmentFlags/noSubdirectory``.
    ///   - configuration: sizes and flags.
    /// - Throws: ``LMDBError`` if LMDB cannot open it.
    public init(path: String, configuration: Configuration = .init()) throws(LMDBError) {
        var env: OpaquePointer?
        try LMDBError.check(mdb_env_create(&env))
        guard let env else { throw LMDBError(code: MDB_PANIC) }
        do {
            try LMDBError.check(mdb_env_set_maxdbs(env, configuration.maxDatabases))
            try LMDBError.check(mdb_env_set_maxreaders(env, configuration.maxReaders))
            try LMDBError.check(mdb_env_set_mapsize(env, configuration.initialMapSize))
            let flags = configuration.flags.rawValue | UInt32(MDB_NOTLS)
            try LMDBError.check(mdb_env_open(env, path, flags, mdb_mode_t(configuration.fileMode)))
        } catch {
            mdb_env_close(env)
            throw error
        }
        self.handle = env
        self.path = path
        self.configuration = configuration
    }

    deinit {
        mdb_env_close(handle)
    }

    /// Runs `body` in a short read-only transaction and returns its result.
    ///
    /// Everything read must be copied out inside `body`: the transaction ends when it returns.
    /// - Parameter body: the reads to perform.
    /// - Returns: what `body` returns.
    /// - Throws: ``LMDBError`` from LMDB, or what `body` throws.
    public func read<R>(_ body: (ReadTransaction) throws -> R) throws -> R {
        while true {
            let outcome: Result<R, any Error>? = mapLock.withSharedAccess {
                var txn: OpaquePointer?
                let code = mdb_txn_begin(handle, nil, UInt32(MDB_RDONLY), &txn)
                if code == MDB_MAP_RESIZED { return nil }
                guard code == MDB_SUCCESS, let txn else { return .failure(LMDBError(code: code)) }
                defer { mdb_txn_abort(txn) }
                return Result { try body(ReadTransaction(handle: txn)) }
            }
            guard let outcome else {
                try adoptMapSizeOfOtherProcess()
                continue
            }
            return try outcome.get()
        }
    }

    /// Opens a named database that already exists, without writing anything.
    /// - Parameter name: the database's name.
    /// - Returns: its handle, or `nil` if the environment has no such database.
    public func existingDatabase(named name: String) throws(LMDBError) -> Database? {
        try mapLock.withSharedAccess { () throws(LMDBError) -> Database? in
            var txn: OpaquePointer?
            try LMDBError.check(mdb_txn_begin(handle, nil, UInt32(MDB_RDONLY), &txn))
            guard let txn else { throw LMDBError(code: MDB_PANIC) }
            var dbi = MDB_dbi()
            let code = mdb_dbi_open(txn, name, 0, &dbi)
            guard code == MDB_SUCCESS else {
                mdb_txn_abort(txn)
                if code == MDB_NOTFOUND { return nil }
                throw LMDBError(code: code)
            }
            // Committing, not aborting, keeps the handle open for the environment's life.
            try LMDBError.check(mdb_txn_commit(txn))
            return Database(dbi: dbi, name: name)
        }
    }

    /// The current map size, use and readers.
    public func info() throws(LMDBError) -> Info {
        var info = MDB_envinfo()
        var stat = MDB_stat()
        try LMDBError.check(mdb_env_info(handle, &info))
        try LMDBError.check(mdb_env_stat(handle, &stat))
        return Info(
            mapSize: info.me_mapsize,
            usedBytes: (info.me_last_pgno + 1) * Int(stat.ms_psize),
            maxReaders: Int(info.me_maxreaders),
            readers: Int(info.me_numreaders)
        )
    }

    /// Clears reader slots left by processes that died (`mdb_reader_check`).
    /// - Returns: how many stale slots were cleared.
    @discardableResult
    public func clearStaleReaders() throws(LMDBError) -> Int {
        var dead: Int32 = 0
        try LMDBError.check(mdb_reader_check(handle, &dead))
        return Int(dead)
    }

    /// Flushes data to disk; needed only with ``EnvironmentFlags/noSync`` or
    /// ``EnvironmentFlags/noMetaSync``.
    public func sync() throws(LMDBError) {
        try LMDBError.check(mdb_env_sync(handle, 1))
    }

    /// Writes a consistent copy of the environment while it stays in use.
    /// - Parameters:
    ///   - path: an existing, empty directory to write `data.mdb` into.
    ///   - compacting: omit free pages and renumber, making the copy as small as possible.
    public func copy(to path: String, compacting: Bool) throws(LMDBError) {
        try LMDBError.check(mdb_env_copy2(handle, path, compacting ? UInt32(MDB_CP_COMPACT) : 0))
    }

    /// Grows the map to `size` bytes. Waits until no transaction of this process is active.
    func resizeMap(to size: Int) throws(LMDBError) {
        try mapLock.withExclusiveAccess { () throws(LMDBError) in
            try LMDBError.check(mdb_env_set_mapsize(handle, size))
        }
    }

    /// Picks up a map size another process set (after `MDB_MAP_RESIZED`).
    func adoptMapSizeOfOtherProcess() throws(LMDBError) {
        try resizeMap(to: 0)
    }
}
