import LMDB

/// The credentials: API tokens (minted, listed, revoked, checked) and OAuth clients with their
/// client-credentials exchange.
///
/// One of the store's parts: it shares the store's tables and its one writer.
public struct CredentialStore: Sendable {
    let environment: Environment
    let tables: Tables
    let writer: StoreWriter
    /// Bearer tokens verified in the last second.
    let verifiedTokens: VerifiedTokens
}
