import LMDB

/// The sync exporter's side of the store: the change log as a backlog, its completion, the
/// upstream ids, dead letters, the consent pull's state and the exporter's status.
///
/// One of the store's parts: it shares the store's tables and its one writer.
public struct SyncOutbox: Sendable {
    let environment: Environment
    let tables: Tables
    let writer: StoreWriter
}
