import LMDB

/// The contacts: creates, updates and deletes through the contact rules and the consent engine,
/// reads, lists and the consent audit trail.
///
/// One of the store's parts: it shares the store's tables and its one writer.
public struct ContactStore: Sendable {
    let environment: Environment
    let tables: Tables
    let writer: StoreWriter
}
