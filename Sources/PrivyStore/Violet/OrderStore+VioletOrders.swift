import LMDB
public import PrivyDomain

/// What `POST /api/orders` did with one bag.
public struct VioletBagResult: Sendable {
    /// The bag as stored: its order id and preferences.
    public var bag: VioletBag
    /// The order the bag became, as stored.
    public var order: Order
    /// Whether this call created the order (rather than updated or replayed it).
    public var created: Bool
}

extension OrderStore {
    /// Violet bags get the order ids after this one, counting up: `9000000000000001`, … A range
    /// no shop system hands out, and below 2^53 (7 trillion ids) so that every JSON client reads
    /// them exactly. Do not send ids from it to `POST /v1/orders/placed`; an id that is taken
    /// anyway is skipped.
    public static let violetOrderIDBase: UInt64 = 9_000_000_000_000_000

    /// Places a Violet order (`POST /api/orders`): each bag becomes an order through the same
    /// upsert as `POST /v1/orders/placed` (linkage, stats, attribution, change log), its email
    /// preferences go through its platform's row of ``VioletPlatform/table``, and an applied
    /// marketing opt-in subscribes the customer's email contact. All bags in one transaction.
    ///
    /// A resubmission of the same `app_order_id` updates the same orders (each bag keeps its
    /// order id and first order date), so it counts once in the stats.
    /// - Parameters:
    ///   - order: the request.
    ///   - integrationToken: `X-Privy-Integration-Token`, if sent.
    ///   - context: who is writing; its source (``ConsentSource/violet``) goes on audit events.
    /// - Returns: one result per bag, in order.
    /// - Throws: `ValidationFailure` naming Violet's fields, or ``InactiveIntegrationToken``;
    ///   nothing is written then.
    public func placeVioletOrder(_ order: VioletOrder, integrationToken: String?, context: WriteContext) async throws -> [VioletBagResult] {
        let tables = tables
        return try await writer.perform { txn in
            let checked = try VioletOrderRules.check(order).get()
            return try checked.enumerated().map { index, bag in
                try Store.placeVioletBag(index, bag, of: order, integrationToken: integrationToken, context: context, in: txn, tables)
            }
        }
    }

    /// The stored bags of a Violet order, by position; empty for an unknown `app_order_id`.
    public func violetBags(appOrderID: String) throws -> [VioletBag] {
        try environment.read { txn in
            var bags: [VioletBag] = []
            while bags.count < VioletOrderRules.maximumBagCount,
                  let bag = try txn.withValue(forKey: VioletBag.key(appOrderID: appOrderID, index: bags.count), in: tables.violetBags, VioletBag.init(decoding:)) {
                bags.append(bag)
            }
            return bags
        }
    }
}

extension Store {
    fileprivate static func placeVioletBag(
        _ index: Int, _ bag: VioletOrderRules.CheckedBag, of order: VioletOrder, integrationToken: String?,
        context: WriteContext, in txn: WriteTransaction, _ tables: Tables
    ) throws -> VioletBagResult {
        let appOrderID = order.appOrderID ?? ""
        let key = VioletBag.key(appOrderID: appOrderID, index: index)
        let stored = try txn.withValue(forKey: key, in: tables.violetBags, VioletBag.init(decoding:))
        let orderID = try stored?.orderID ?? allocateVioletOrderID(in: txn, tables)
        let placedAt = try stored.flatMap { try txn.withValue(forKey: $0.orderID.rawValue, in: tables.orders, Order.init(decoding:))?.placedAt }
        var preferences = bag.platform.resolve(order.bags[index].preferences)
        let draft = VioletOrderRules.draft(
            forBag: index, of: order, checked: bag, orderID: orderID, placedAt: placedAt ?? context.now,
            marketing: preferences[.marketing]?.result ?? .notApplied
        )
        let written: OrderWriteResult
        do {
            written = try upsertOrder(OrderRules.check(draft), integrationToken: integrationToken, context: context, in: txn, tables)
        } catch let failure as ValidationFailure {
            throw ValidationFailure(details: failure.details.map { FieldError(field: VioletOrderRules.path(ofOrderField: $0.field, bag: index), message: $0.message) })
        }
        if preferences[.marketing]?.result == .optIn, try !subscribeToEmail(written.order, context: context, in: txn, tables) {
            preferences[.marketing]?.result = .notApplied
        }
        let record = VioletBag(appOrderID: appOrderID, index: index, orderID: orderID, platform: bag.platform.name, preferences: preferences)
        if record != stored {
            try txn.put(record.encoded(), forKey: key, in: tables.violetBags)
        }
        return VioletBagResult(bag: record, order: written.order, created: written.created)
    }

    /// The next free id after ``violetOrderIDBase``.
    fileprivate static func allocateVioletOrderID(in txn: WriteTransaction, _ tables: Tables) throws -> OrderID {
        while true {
            let id = OrderID(parsing: String(OrderStore.violetOrderIDBase + (try Counter.violetOrderID.next(in: txn, meta: tables.meta))))!
            if try txn.withValue(forKey: id.rawValue, in: tables.orders, { _ in true }) == nil {
                return id
            }
        }
    }

    /// Subscribes the order's contact to email through the consent engine, under the
    /// context's source (audit source `violet`).
    /// - Returns: whether the contact is subscribed now: `false` when the consent engine refuses
    ///   (a `compliance_suppressed` contact) or the contact the order is linked to does not have
    ///   the order's email (linked by phone); nothing is written then.
    fileprivate static func subscribeToEmail(_ order: Order, context: WriteContext, in txn: WriteTransaction, _ tables: Tables) throws -> Bool {
        guard let id = order.contactID, let email = order.email, let contact = try contact(id, in: txn, tables),
              contact.email?.normalized == email.normalized
        else { return false }
        let subscribe = ContactPatch(emailConsent: .value(EmailConsent.subscribed.rawValue))
        guard case .success(let outcome) = ContactRules.update(contact, with: subscribe, now: context.now, source: context.source) else {
            return false
        }
        try record(outcome, replacing: contact, sendWelcomeSMS: true, created: false, context: context, in: txn, tables)
        return true
    }
}

extension Counter {
    /// The last Violet bag order id handed out, counted from ``OrderStore/violetOrderIDBase``.
    static let violetOrderID = Counter(key: "seq:violet_order_id")
}
