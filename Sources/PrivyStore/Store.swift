#if canImport(Glibc)
import Glibc
#endif
import LMDB

/// privy-edge's storage: records, indexes and the change log in one LMDB environment, written
/// by one group-commit writer and read in short read transactions from any thread.
///
/// Several processes may open the same data directory at once (the server and the CLI);
/// LMDB serialises their writers.
public final class Store: Sendable {
    let environment: Environment
    /// The data directory.
    public let directory: String
    let writer: StoreWriter
    let tables: Tables
    /// Contacts, their consent and its audit trail.
    public let contacts: ContactStore
    /// Orders, Violet orders and Custom Integrations.
    public let orders: OrderStore
    /// API tokens and OAuth clients.
    public let credentials: CredentialStore
    /// What the sync exporter reads and records.
    public let outbox: SyncOutbox

    private init(environment: Environment, directory: String, writer: StoreWriter, tables: Tables) {
        self.environment = environment
        self.directory = directory
        self.writer = writer
        self.tables = tables
        contacts = ContactStore(environment: environment, tables: tables, writer: writer)
        orders = OrderStore(environment: environment, tables: tables, writer: writer)
        credentials = CredentialStore(environment: environment, tables: tables, writer: writer, verifiedTokens: VerifiedTokens())
        outbox = SyncOutbox(environment: environment, tables: tables, writer: writer)
    }

    /// Opens the store in `directory`, creating the directory and a new store if needed.
    /// - Parameters:
    ///   - directory: the data directory.
    ///   - configuration: durability, sizes and batching.
    ///   - onBatchCommitted: an observer of the writer's commits, for metrics.
    /// - Returns: the open store.
    /// - Throws: ``StoreError/schemaTooNew(found:supported:)`` for a directory written by a
    ///   newer privy-edge (left untouched), ``StoreError/dataDirectory(path:reason:)``, or an
    ///   ``LMDBError``.
    public static func open(
        directory: String,
        configuration: StoreConfiguration = .init(),
        onBatchCommitted: (@Sendable (CommitReport) -> Void)? = nil
    ) async throws -> Store {
        try createDirectory(directory)
        let environment: Environment
        do {
            environment = try Environment(
                path: directory,
                configuration: .init(
                    initialMapSize: min(configuration.initialMapSize, configuration.maxMapSize),
                    maxMapSize: configuration.maxMapSize,
                    maxDatabases: 32,
                    flags: configuration.durability == .relaxed ? [.noMetaSync] : []
                )
            )
        } catch {
            throw StoreError.dataDirectory(path: directory, reason: error.message)
        }
        let stored = try SchemaVersion.stored(in: environment)
        if let stored, stored > SchemaVersion.current {
            throw StoreError.schemaTooNew(found: stored, supported: SchemaVersion.current)
        }
        try environment.clearStaleReaders()
        let reportBatch = onBatchCommitted.map { observe in { @Sendable (batch: GroupCommitWriter.BatchReport) in observe(CommitReport(batch)) } }
        let writer = StoreWriter(groupCommit: GroupCommitWriter(
            environment: environment,
            configuration: .init(
                maxBatchSize: configuration.maxBatchSize,
                queueCapacity: configuration.queueCapacity,
                onBatchCommitted: reportBatch
            )
        ))
        do {
            let tables = try await writer.perform { txn in
                let tables = try Tables(creatingIn: txn)
                if stored == nil {
                    try SchemaVersion.write(in: txn, meta: tables.meta)
                }
                return tables
            }
            return Store(environment: environment, directory: directory, writer: writer, tables: tables)
        } catch {
            await writer.groupCommit.close()
            throw error
        }
    }

    /// Lets every queued write commit, stops the writer and flushes to disk (which makes the
    /// last batch durable in ``Durability/relaxed`` mode too). Reads keep working.
    public func close() async {
        await writer.groupCommit.close()
        try? environment.sync()
    }

    /// Writes waiting for the writer: the back-pressure gauge.
    public var writeQueueDepth: Int {
        writer.groupCommit.queueDepth
    }

    /// Why writes are being refused for lack of space (the map at its maximum, or a full disk),
    /// or `nil` when they are not: cleared by the next write that commits.
    public var writeRefusal: WriteRefused? {
        writer.groupCommit.refusal.map(WriteRefused.init)
    }

    /// How much of its space the store uses now.
    public func storageFigures() throws -> StorageFigures {
        let info = try environment.info()
        return StorageFigures(usedBytes: info.usedBytes, mapSize: info.mapSize, maxMapSize: environment.configuration.maxMapSize)
    }

    /// Whether the store still takes writes: false once ``close()`` has begun.
    public var isOpen: Bool {
        writer.groupCommit.isOpen
    }

    private static func createDirectory(_ path: String) throws {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST {
                throw StoreError.dataDirectory(path: path, reason: String(cString: strerror(errno)))
            }
        }
    }
}
