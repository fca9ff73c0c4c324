import PrivyDomain
import Testing

@Suite("Order rules")
struct OrderRulesTests {
    private static func draft(_ id: String = "42") -> OrderDraft {
        var draft = OrderDraft(orderID: id, total: "19.99", currency: "USD", orderDate: "2026-06-22T10:00:00Z", email: "ann@example.com")
        draft.lineItems = .value([.init(sku: "SKU-1", quantity: 1, price: "19.99")])
        return draft
    }

    @Test("a draft checked first, then merged, gives what the one-step upsert gives, over nothing and over a stored order")
    func checkThenMerge() throws {
        var update = Self.draft()
        update.total = "5.00"
        update.fulfillmentStatus = .value("fulfilled")
        update.lineItems = .absent
        let stored = try OrderRules.upsert(Self.draft(), over: nil, now: Instants.created).get()
        let merged = try OrderRules.upsert(OrderRules.check(update), over: stored, now: Instants.later).get()
        #expect(merged == (try OrderRules.upsert(update, over: stored, now: Instants.later).get()))
        #expect(merged.total.description == "5.00" && merged.fulfillmentStatus == "fulfilled")
        #expect(merged.lineItems == stored.lineItems, "an omitted list keeps the stored one")
        #expect(merged.createdAt == Instants.created && merged.updatedAt == Instants.later)
        #expect(OrderRules.check(update).orderID?.rawValue == stored.id.rawValue)
    }

    @Test("the check records every broken rule of the draft in order; the merge adds the one that needs the stored order last")
    func errorsInOrder() throws {
        var stored = try OrderRules.upsert(Self.draft(), over: nil, now: Instants.created).get()
        stored.acceptsSMSMarketing = true
        var update = Self.draft()
        update.total = "-1"
        update.currency = "DOLLARS"
        update.lineItems = .value([.init(sku: "SKU-1", quantity: -2, price: "x")])
        let checked = OrderRules.check(update)
        let failure = try #require(OrderRules.upsert(checked, over: stored, now: Instants.later).failure)
        #expect(failure.details.map(\.field) == ["total", "currency", "line_items[0].quantity", "line_items[0].price", "accepts_sms_marketing"])
        #expect(failure.details.last?.message == "requires phone")
        #expect(OrderRules.upsert(checked, over: nil, now: Instants.later).failure?.details.map(\.field) == ["total", "currency", "line_items[0].quantity", "line_items[0].price"],
                "without a stored SMS opt-in the merge adds nothing")
    }
}
