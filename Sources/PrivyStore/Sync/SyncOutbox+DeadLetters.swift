import LMDB
import PrivyDomain

extension SyncOutbox {
    /// Every dead letter, oldest first.
    public func deadLetters() throws -> [DeadLetter] {
        try environment.read { txn in
            try txn.records(DeadLetter.self, in: tables.syncDeadLetters)
        }
    }

    /// Puts a dead letter's changes back into the log, as one change dated like the first of
    /// them, so the exporter sends the entity's current values again.
    /// - Returns: the dead letter, or `nil` if there is no such one.
    public func retryDeadLetter(id: UInt64) async throws -> DeadLetter? {
        let tables = tables
        return try await writer.perform { txn in
            guard let letter = try Store.takeDeadLetter(id, in: txn, tables) else { return nil }
            try ChangeLog(tables: tables).append(
                letter.entity,
                contactFields: letter.contactFields,
                flags: letter.flags,
                context: WriteContext(source: letter.source, now: letter.firstChangeAt),
                in: txn
            )
            return letter
        }
    }

    /// Deletes a dead letter: its changes will not be sent.
    /// - Returns: the dead letter, or `nil` if there is no such one.
    public func dropDeadLetter(id: UInt64) async throws -> DeadLetter? {
        let tables = tables
        return try await writer.perform { txn in try Store.takeDeadLetter(id, in: txn, tables) }
    }
}

extension Store {
    fileprivate static func takeDeadLetter(_ id: UInt64, in transaction: WriteTransaction, _ tables: Tables) throws -> DeadLetter? {
        let key = Key.sequence(id)
        guard let letter = try transaction.withValue(forKey: key, in: tables.syncDeadLetters, DeadLetter.init(decoding:)) else { return nil }
        try transaction.delete(key, in: tables.syncDeadLetters)
        return letter
    }
}
