import PrivyStore

/// The store's state at one moment, as the metrics and the status page show it: read at scrape
/// time rather than tracked, so it is right whoever changed it (the server, the CLI, a restore).
struct StoreFigures: Sendable {
    var sync: SyncStatus
    var consent: ConsentCounts
    var storage: StorageFigures
    var writeQueueDepth: Int
    /// Why writes are refused for lack of space, or `nil` while they are taken.
    var writeRefusal: WriteRefused?

    /// Reads the figures now.
    init(reading store: Store) throws {
        sync = try store.outbox.syncStatus()
        consent = try store.contacts.consentCounts()
        storage = try store.storageFigures()
        writeQueueDepth = store.writeQueueDepth
        writeRefusal = store.writeRefusal
    }
}
