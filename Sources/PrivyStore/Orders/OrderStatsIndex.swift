import LMDB
import PrivyDomain

/// Keeps each contact's order figures exact: a contact's orders by date (for first and last
/// order) and the per-currency sums, moved in the same transaction as the order.
struct OrderStatsIndex {
    let tables: Tables

    /// Moves an order's contribution from its stored version to its new one.
    func move(from old: Order?, to new: Order, in transaction: WriteTransaction) throws {
        if let old, let contact = old.contactID {
            try transaction.delete(key(contact, old), in: tables.contactOrders)
            try update(contact, in: transaction) { $0.removing(old.total, in: old.currency) }
        }
        if let contact = new.contactID {
            try transaction.put([UInt8](), forKey: key(contact, new), in: tables.contactOrders)
            try update(contact, in: transaction) { $0.adding(new.total, in: new.currency) }
        }
    }

    private func update(_ contact: ContactID, in transaction: WriteTransaction, _ change: (OrderStats) -> OrderStats?) throws {
        let current = try transaction.withValue(forKey: contact.rawValue, in: tables.orderStats, OrderStats.init(decoding:)) ?? .empty
        guard var stats = change(current) else {
            throw StoreError.corrupt("order stats of \(contact.rawValue) out of range or out of step")
        }
        let prefix = Array(contact.rawValue.utf8)
        (stats.firstOrderAt, stats.lastOrderAt) = try transaction.withCursor(on: tables.contactOrders) { cursor in
            let first = try cursor.seek(atLeast: prefix).flatMap { $0.key.starts(with: prefix) ? Self.date(in: $0.key) : nil }
            var last: Timestamp?
            if first != nil {
                let past = try cursor.seek(atLeast: prefix + [0xFF])
                let entry = past == nil ? try cursor.last() : try cursor.previous()
                last = entry.flatMap { $0.key.starts(with: prefix) ? Self.date(in: $0.key) : nil }
            }
            return (first, last)
        }
        if stats.ordersCount == 0 {
            try transaction.delete(contact.rawValue, in: tables.orderStats)
        } else {
            try transaction.put(stats.encoded(), forKey: contact.rawValue, in: tables.orderStats)
        }
    }

    /// contact id (20 bytes) + order date (8 bytes, sign-flipped big-endian) + order id.
    private func key(_ contact: ContactID, _ order: Order) -> [UInt8] {
        var key = Key(capacity: 48)
        key.append(contact.rawValue)
        key.append(UInt64(bitPattern: order.placedAt.microsecondsSinceEpoch) ^ (1 << 63))
        key.append(order.id.rawValue)
        return key.bytes
    }

    private static func date(in key: UnsafeRawBufferPointer) -> Timestamp {
        Timestamp(microsecondsSinceEpoch: Int64(bitPattern: Key.sequence(in: key, at: 20) ^ (1 << 63)))
    }
}
