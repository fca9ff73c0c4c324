import LMDB
public import PrivyDomain

/// What the exporter sends upstream for one order: `POST /v1/orders/placed` with the order's full
/// current state, after the contact the order links to.
public struct UpstreamOrder: Sendable, Hashable {
    /// The order as it stands now.
    public var order: Order
    /// Whether that contact is deleted here. Placing the order upstream restores (or creates)
    /// the contact it links to there, so the exporter deletes that contact again afterwards.
    public var contactDeleted: Bool

    /// The local contact the order is linked to: its job goes first.
    public var contactID: ContactID? {
        order.contactID
    }

    /// Creates an upstream order.
    /// - Parameters:
    ///   - order: the order as it stands now.
    ///   - contactDeleted: whether its linked contact is deleted locally.
    public init(_ order: Order, contactDeleted: Bool = false) {
        self.order = order
        self.contactDeleted = contactDeleted
    }
}

extension Store {
    /// The upstream form of order `id` as it stands in `transaction`: its full current state,
    /// linked to its local contact so the contact goes first, and whether that contact is deleted.
    /// - Returns: `nil` if the order is not in the store.
    static func upstreamOrder(_ id: String, in transaction: some Transaction, _ tables: Tables) throws -> UpstreamOrder? {
        guard let order = try transaction.withValue(forKey: id, in: tables.orders, Order.init(decoding:)) else { return nil }
        let contactDeleted = try order.contactID.flatMap { try contact($0, in: transaction, tables) }?.isDeleted ?? false
        return UpstreamOrder(order, contactDeleted: contactDeleted)
    }
}
