import LMDB
public import PrivyDomain

/// What an order upsert did, for the HTTP answer.
public struct OrderWriteResult: Sendable {
    /// The order as stored.
    public var order: Order
    /// Whether this call created it (201) rather than updated it (200).
    public var created: Bool
}

extension OrderStore {
    /// Creates or updates an order (`POST /v1/orders/placed`), links it to a contact (creating
    /// one if none matches), attributes it to an integration and keeps order stats exact: all
    /// in one transaction. The request's fields are parsed and checked before the write is
    /// queued; the writer only merges them over the stored order.
    /// - Parameters:
    ///   - draft: the request.
    ///   - integrationToken: `X-Privy-Integration-Token`, if sent.
    ///   - context: who is writing.
    /// - Throws: `ValidationFailure` or ``InactiveIntegrationToken``; nothing is written then.
    public func upsertOrder(_ draft: OrderDraft, integrationToken: String?, context: WriteContext) async throws -> OrderWriteResult {
        let tables = tables
        let checked = OrderRules.check(draft)
        return try await writer.perform { txn in
            try Store.upsertOrder(checked, integrationToken: integrationToken, context: context, in: txn, tables)
        }
    }

    /// An order by id (either spelling), or `nil`.
    public func order(id: String) throws -> Order? {
        guard let id = OrderID(parsing: id) else { return nil }
        return try environment.read { txn in
            try txn.withValue(forKey: id.rawValue, in: tables.orders, Order.init(decoding:))
        }
    }

    /// The order figures of each contact that has any.
    public func orderStats(for contacts: [ContactID]) throws -> [ContactID: OrderStats] {
        try environment.read { txn in
            var stats: [ContactID: OrderStats] = [:]
            for id in contacts {
                stats[id] = try txn.withValue(forKey: id.rawValue, in: tables.orderStats, OrderStats.init(decoding:))
            }
            return stats
        }
    }
}

extension Store {
    static func upsertOrder(_ checked: CheckedOrderDraft, integrationToken: String?, context: WriteContext, in txn: WriteTransaction, _ tables: Tables) throws -> OrderWriteResult {
        let existing = try checked.orderID.flatMap { id in
            try txn.withValue(forKey: id.rawValue, in: tables.orders, Order.init(decoding:))
        }
        var order = try OrderRules.upsert(checked, over: existing, now: context.now).get()
        order.integrationID = try attribution(token: integrationToken, in: txn, tables) ?? existing?.integrationID
        order.contactID = try linkCustomer(of: order, context: context, in: txn, tables)
        guard order != existing else { return OrderWriteResult(order: order, created: false) }
        try OrderStatsIndex(tables: tables).move(from: existing, to: order, in: txn)
        try txn.put(order.encoded(), forKey: order.id.rawValue, in: tables.orders)
        var flags: Change.Flags = order.initialSync ? .initialSync : .realtimeEffects
        if existing == nil { flags.insert(.created) }
        try ChangeLog(tables: tables).append(.order(order.id.rawValue), flags: flags, context: context, in: txn)
        return OrderWriteResult(order: order, created: existing == nil)
    }

    /// Finds the order's contact by email, else phone, or creates one; an existing contact's
    /// consent is never changed by an order. A deleted contact is restored, unless it is
    /// `compliance_suppressed`: no write touches such a contact, so the order links to it as it is.
    private static func linkCustomer(of order: Order, context: WriteContext, in txn: WriteTransaction, _ tables: Tables) throws -> ContactID {
        let indexes = ContactIndexes(tables: tables)
        let owner = try order.email.flatMap { try indexes.owner(ofEmail: $0, in: txn) }
            ?? order.phone.flatMap { try indexes.owner(ofPhone: $0, in: txn) }
        if let owner, let contact = try contact(owner, in: txn, tables) {
            guard contact.isDeleted, contact.emailConsent != .complianceSuppressed else { return owner }
            let draft = try keepingIdentity(of: contact, in: customerDraft(for: order, consent: false), txn, tables)
            let restored = try ContactRules.restore(contact, with: draft, now: context.now, source: orderContext(context).source).get()
            try record(restored, replacing: contact, sendWelcomeSMS: true, created: true, context: orderContext(context), in: txn, tables)
            return owner
        }
        let created = try createContact(customerDraft(for: order, consent: true), context: orderContext(context), in: txn, tables)
        try record(created, replacing: nil, sendWelcomeSMS: true, created: true, context: orderContext(context), in: txn, tables)
        return created.contact.id
    }

    private static func orderContext(_ context: WriteContext) -> WriteContext {
        var context = context
        if context.source == .api { context.source = .order }
        return context
    }

    /// The contact an order creates: its identity, the billing name, and the consent its
    /// `accepts_*_marketing` flags grant a new contact.
    private static func customerDraft(for order: Order, consent: Bool) -> ContactDraft {
        ContactDraft(
            firstName: order.billingAddress?.firstName ?? order.shippingAddress?.firstName,
            lastName: order.billingAddress?.lastName ?? order.shippingAddress?.lastName,
            email: order.email?.rawValue,
            phoneNumber: order.phone?.rawValue,
            emailConsent: consent && order.acceptsEmailMarketing == true ? EmailConsent.subscribed.rawValue : nil,
            smsConsent: consent && order.acceptsSMSMarketing == true ? SMSConsent.singleOptIn.rawValue : nil
        )
    }
}
