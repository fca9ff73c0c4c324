/// How much a commit waits for the disk.
public enum Durability: String, Sendable, CaseIterable {
    /// Every acknowledged write is on disk (data and meta page fsynced) before the answer.
    case durable
    /// Data is fsynced on every commit, the meta page is not (`MDB_NOMETASYNC`): a power loss
    /// or kernel crash may undo the last committed batch (the writes answered by one commit,
    /// at most ``StoreConfiguration/maxBatchSize``); a process crash loses nothing, and the
    /// database is never corrupted.
    case relaxed
}

/// Settings for opening a ``Store``.
public struct StoreConfiguration: Sendable {
    /// How commits reach the disk.
    public var durability: Durability
    /// The map size a new data file starts with, in bytes (at most ``maxMapSize``).
    public var initialMapSize: Int
    /// The largest the data file may grow, in bytes; past it writes fail with `storage_full`.
    public var maxMapSize: Int
    /// The most writes committed in one transaction.
    public var maxBatchSize: Int
    /// The most writes waiting for the writer before requests are refused with 503.
    public var queueCapacity: Int

    /// Creates a configuration with production defaults.
    /// - Parameters:
    ///   - durability: default ``Durability/durable``.
    ///   - initialMapSize: default 256 MiB.
    ///   - maxMapSize: default 64 GiB.
    ///   - maxBatchSize: default 1024.
    ///   - queueCapacity: default 16384.
    public init(
        durability: Durability = .durable,
        initialMapSize: Int = 256 << 20,
        maxMapSize: Int = 64 << 30,
        maxBatchSize: Int = 1024,
        queueCapacity: Int = 16_384
    ) {
        self.durability = durability
        self.initialMapSize = initialMapSize
        self.maxMapSize = maxMapSize
        self.maxBatchSize = maxBatchSize
        self.queueCapacity = queueCapacity
    }
}
