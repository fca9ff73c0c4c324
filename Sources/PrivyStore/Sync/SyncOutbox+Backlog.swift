import LMDB
public import PrivyDomain

extension Counter {
    static let deadLetterSequence = Counter(key: "seq:dead_letter")
}

extension SyncOutbox {
    /// The pending backlog, grouped per entity, each with its current state, in one read
    /// transaction. Changes to an order the store cannot provide yet (see
    /// ``upstreamOrder(_:in:_:)``) are left out: they stay in the log and do not count.
    /// - Parameter limit: the most changes to read, oldest first; later ones wait for the next
    ///   call.
    public func syncBacklog(limit: Int) throws -> SyncBacklog {
        try environment.read { txn in
            let checkpoint = try SyncState.read(in: txn, meta: tables.meta).checkpoint
            var entities: [Change.Entity] = []
            var states: [Change.Entity: EntityState?] = [:]
            var changes: [Change.Entity: [Change]] = [:]
            var count = 0
            try txn.forEach(in: tables.changes, from: Key.sequence(checkpoint + 1)) { _, value in
                let change = try Change(decoding: value)
                if states[change.entity] == nil {
                    let state = try Store.syncState(of: change.entity, in: txn, tables)
                    states[change.entity] = .some(state)
                    if state != nil { entities.append(change.entity) }
                }
                guard case .some(.some) = states[change.entity] else { return true }
                changes[change.entity, default: []].append(change)
                count += 1
                return count < limit
            }
            return SyncBacklog(entities: entities.compactMap { entity in
                guard case .some(.some(let state)) = states[entity] else { return nil }
                return PendingEntity(entity: entity, changes: changes[entity] ?? [], state: state)
            })
        }
    }

    /// The upstream id of a local contact, if it has been synced.
    public func upstreamContactID(of local: ContactID) throws -> String? {
        try environment.read { txn in try UpstreamIdentities(tables: tables).upstreamID(of: local, in: txn) }
    }

    /// Links a local contact to its upstream id, as learnt from a create (201) or a conflict (409).
    /// - Returns: `nil` when linked; otherwise the other local contact already linked to that
    ///   upstream id, and nothing was written.
    public func linkUpstreamContact(_ local: ContactID, to upstream: String) async throws -> ContactID? {
        let tables = tables
        return try await writer.perform { txn in
            try UpstreamIdentities(tables: tables).link(local, to: upstream, in: txn)
        }
    }

    /// Records what became of pending changes: removes them from the log, files dead letters,
    /// forgets upstream ids, moves the checkpoint and the figures, all in one transaction.
    public func completeSync(_ completions: [SyncCompletion], at now: Timestamp = .now()) async throws {
        let tables = tables
        try await writer.perform { txn in
            var state = try SyncState.read(in: txn, meta: tables.meta)
            var settled = 0
            for completion in completions where !completion.changes.isEmpty {
                for change in completion.changes {
                    try txn.delete(Key.sequence(change.sequence), in: tables.changes)
                }
                state.callsMade += UInt64(completion.calls)
                switch completion.outcome {
                case .delivered:
                    state.changesDelivered += UInt64(completion.changes.count)
                    if completion.calls > 0 { state.lastSuccessAt = now }
                case .rejected(let rejection):
                    let id = try Counter.deadLetterSequence.next(in: txn, meta: tables.meta)
                    let letter = DeadLetter(id: id, changes: completion.changes, rejection: rejection, at: now)
                    try txn.put(letter.encoded(), forKey: Key.sequence(id), in: tables.syncDeadLetters)
                    state.changesDeadLettered += UInt64(completion.changes.count)
                }
                if completion.forgetsUpstreamID, case .contact(let id) = completion.changes[0].entity {
                    try UpstreamIdentities(tables: tables).unlink(id, in: txn)
                }
                settled += completion.changes.count
            }
            state.pace.record(settled, at: now)
            state.checkpoint = try Store.syncCheckpoint(in: txn, tables)
            try state.write(in: txn, meta: tables.meta)
        }
    }

    /// Records a failed attempt that settled nothing (network error, 5xx, 429, refused
    /// credentials): its calls count, and it becomes the last failure.
    public func recordSyncFailure(_ message: String, calls: Int, throttled: Int, at now: Timestamp = .now()) async throws {
        let tables = tables
        try await writer.perform { txn in
            var state = try SyncState.read(in: txn, meta: tables.meta)
            state.callsMade += UInt64(calls)
            state.throttledResponses += UInt64(throttled)
            state.lastFailureAt = now
            state.lastFailure = message
            try state.write(in: txn, meta: tables.meta)
        }
    }
}

extension Store {
    // MARK: - Inside a transaction

    /// An entity's state for the exporter, or `nil` for an order the store cannot provide yet.
    fileprivate static func syncState(of entity: Change.Entity, in transaction: some Transaction, _ tables: Tables) throws -> EntityState? {
        switch entity {
        case .contact(let id):
            .contact(try contact(id, in: transaction, tables), upstreamID: try UpstreamIdentities(tables: tables).upstreamID(of: id, in: transaction))
        case .order(let id):
            try upstreamOrder(id, in: transaction, tables).map(EntityState.order)
        }
    }

    /// The highest sequence up to which the log is empty: just below the oldest pending change,
    /// or the last sequence handed out when nothing is pending.
    fileprivate static func syncCheckpoint(in transaction: WriteTransaction, _ tables: Tables) throws -> UInt64 {
        var oldest: UInt64?
        try transaction.forEach(in: tables.changes) { key, _ in
            oldest = Key.sequence(in: key)
            return false
        }
        if let oldest { return oldest - 1 }
        return try Counter.changeSequence.value(in: transaction, meta: tables.meta)
    }
}
