internal import CLMDB

/// A handle to a named database inside an ``Environment``.
///
/// Handles stay valid for the environment's lifetime and may be shared across threads.
public struct Database: Sendable, Hashable {
    /// LMDB's database handle.
    let dbi: MDB_dbi
    /// The database's name.
    public let name: String
}
