import LMDB
import PrivyDomain

/// The ordered outbox of changes, appended in the writing transaction.
struct ChangeLog {
    let tables: Tables

    /// Appends a change and returns its sequence number.
    @discardableResult
    func append(
        _ entity: Change.Entity,
        contactFields: ContactFields = [],
        flags: Change.Flags,
        context: WriteContext,
        in transaction: WriteTransaction
    ) throws -> UInt64 {
        let sequence = try Counter.changeSequence.next(in: transaction, meta: tables.meta)
        let change = Change(sequence: sequence, entity: entity, contactFields: contactFields, flags: flags, source: context.source, at: context.now)
        try transaction.put(change.encoded(), forKey: Key.sequence(sequence), in: tables.changes)
        return sequence
    }
}

extension Store {
    /// Changes with a sequence greater than `sequence`, oldest first.
    /// - Parameters:
    ///   - sequence: the last sequence already seen (0 for the start).
    ///   - limit: the most changes to return.
    public func changes(after sequence: UInt64, limit: Int) throws -> [Change] {
        try environment.read { txn in
            var changes: [Change] = []
            try txn.forEach(in: tables.changes, from: Key.sequence(sequence + 1)) { _, value in
                changes.append(try Change(decoding: value))
                return changes.count < limit
            }
            return changes
        }
    }
}
