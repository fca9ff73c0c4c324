import LMDB

/// A named unsigned integer in `meta`: sequences and counts kept in the same transaction as
/// the records they describe, so they are always exact.
struct Counter {
    let key: String

    /// The current value (0 if never set).
    func value(in transaction: some Transaction, meta: Database) throws -> UInt64 {
        try transaction.withValue(forKey: key, in: meta) { bytes -> UInt64 in
            guard bytes.count == 8 else { throw StoreError.corrupt("counter \(key)") }
            return UInt64(bigEndian: bytes.loadUnaligned(as: UInt64.self))
        } ?? 0
    }

    /// Adds `delta` (which may be negative) and returns the new value.
    @discardableResult
    func add(_ delta: Int64, in transaction: WriteTransaction, meta: Database) throws -> UInt64 {
        let current = try value(in: transaction, meta: meta)
        let updated = UInt64(max(0, Int64(current) + delta))
        try transaction.put(Key.sequence(updated), forKey: key, in: meta)
        return updated
    }

    /// The next number of a sequence that starts at 1.
    func next(in transaction: WriteTransaction, meta: Database) throws -> UInt64 {
        try add(1, in: transaction, meta: meta)
    }

    static let contactSequence = Counter(key: "seq:contact")
    static let changeSequence = Counter(key: "seq:change")
    static let consentEventSequence = Counter(key: "seq:consent_event")
}
