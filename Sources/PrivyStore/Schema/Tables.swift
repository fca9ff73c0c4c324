import LMDB

/// The named LMDB databases privy-edge keeps, opened once at start.
///
/// Layout (keys → values; integers in keys are big-endian so they sort numerically):
/// - `meta`: setting name → value (`schema_version`, sequences, counters).
/// - `tokens`: token id → ``APIToken``.
/// - `oauth_clients`: client id → ``OAuthClient``.
/// - `contacts`: contact id → contact record (deleted contacts stay, marked, so a create can
///   restore them).
/// - `contacts_by_sequence`: creation sequence → contact id, live contacts only: list order.
/// - `contact_emails`, `contact_phones`: normalized email / E.164 phone → contact id, deleted
///   contacts included: the unique indexes.
/// - `contacts_by_consent`: `e`+email state+sequence, `s`+SMS state+sequence and
///   `p`+email state+SMS state+sequence → contact id, live contacts only: consent filters.
/// - `consent_events`: contact id + event sequence → audit event, append-only.
/// - `orders`: canonical order id → order record.
/// - `contact_orders`: contact id + order date + order id → empty: a contact's orders by date.
/// - `order_stats`: contact id → the contact's order figures.
/// - `integrations`: integration id → Custom Integration; `integration_tokens`: token → id.
/// - `violet_bags`: SHA-256 of a Violet `app_order_id` + bag position → the bag's order id and
///   email preferences.
/// - `changes`: change sequence → change record: the sync exporter's outbox, written in the
///   same transaction as the change it describes.
/// - `sync_upstream_ids`, `sync_local_ids`: local contact id → upstream contact id and back.
/// - `sync_dead_letters`: dead-letter id → changes the upstream refused, with its answer.
struct Tables: Sendable {
    let meta: Database
    let tokens: Database
    let oauthClients: Database
    let contacts: Database
    let contactsBySequence: Database
    let contactEmails: Database
    let contactPhones: Database
    let contactsByConsent: Database
    let consentEvents: Database
    let changes: Database
    let orders: Database
    let contactOrders: Database
    let orderStats: Database
    let integrations: Database
    let integrationTokens: Database
    let violetBags: Database
    let syncUpstreamIDs: Database
    let syncLocalIDs: Database
    let syncDeadLetters: Database

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
        contacts = try open("contacts")
        contactsBySequence = try open("contacts_by_sequence")
        contactEmails = try open("contact_emails")
        contactPhones = try open("contact_phones")
        contactsByConsent = try open("contacts_by_consent")
        consentEvents = try open("consent_events")
        changes = try open("changes")
        orders = try open("orders")
        contactOrders = try open("contact_orders")
        orderStats = try open("order_stats")
        integrations = try open("integrations")
        integrationTokens = try open("integration_tokens")
        violetBags = try open("violet_bags")
        syncUpstreamIDs = try open("sync_upstream_ids")
        syncLocalIDs = try open("sync_local_ids")
        syncDeadLetters = try open("sync_dead_letters")
    }
}
