import LMDB
public import PrivyDomain

/// What the exporter sends upstream for one order: `POST /v1/orders/placed` with ``body``, after
/// the contact the order links to.
public struct UpstreamOrder: Sendable, Hashable {
    /// The local contact the order is linked to: its job goes first.
    public var contactID: ContactID?
    /// The JSON body: the order's full current state, `initial_sync` preserved.
    public var body: [UInt8]

    /// Creates an upstream order.
    /// - Parameters:
    ///   - contactID: the linked local contact, if any.
    ///   - body: the JSON body of `POST /v1/orders/placed`.
    public init(contactID: ContactID?, body: [UInt8]) {
        self.contactID = contactID
        self.body = body
    }
}

extension Store {
    /// **Hook for the orders work (issue 4).** The upstream form of order `id` as it stands in
    /// `transaction`, read while the sync backlog is gathered.
    ///
    /// Until the orders work fills this in it answers `nil`, which ``syncBacklog(limit:)`` reads
    /// as "not ready": the order's changes stay in the log (nothing is lost or pruned; the
    /// status counts them), are left out of the backlog, and the rest of it goes on. The
    /// planner and the exporter already send an order after its contact, with
    /// `POST /orders/placed`, and dead-letter a refused one.
    static func upstreamOrder(_ id: String, in transaction: some Transaction, _ tables: Tables) throws -> UpstreamOrder? {
        nil
    }
}
