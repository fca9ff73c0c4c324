import LMDB

/// The orders: upserts and imports with their linkage to contacts, order figures, Violet orders
/// and the Custom Integrations orders are attributed to.
///
/// One of the store's parts: it shares the store's tables and its one writer.
public struct OrderStore: Sendable {
    let environment: Environment
    let tables: Tables
    let writer: StoreWriter
}
