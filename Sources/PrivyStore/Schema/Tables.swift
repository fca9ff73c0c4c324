import LMDB

/// The named LMDB databases privy-edge keeps, opened once at start.
///
/// Layout (keys → values):
/// - `meta`: setting name → value (`schema_version`, counters).
/// - `tokens`: token id → ``APIToken``.
/// - `oauth_clients`: client id → ``OAuthClient``.
/// - `changes`: change sequence (big-endian) → change record: the sync exporter's outbox,
///   written in the same transaction as the change it describes.
struct Tables: Sendable {
    let meta: Database
    let tokens: Database
    let oauthClients: Database
    let changes: Database

    /// Every database's name, in the order they are opened.
    static let names = ["meta", "tokens", "oauth_clients", "changes"]

    /// Opens (creating) every database in `transaction`.
    init(creatingIn transaction: WriteTransaction) throws {
        func open(_ name: String) throws -> Database {
            guard let database = try transaction.openDatabase(named: name) else {
                throw StoreError.corrupt("cannot create database \(name)")
            }
            return database
        }
        meta = try open("meta")
        tokens = try open("tokens")
        oauthClients = try open("oauth_clients")
        changes = try open("changes")
    }
}
