import PrivyDomain

/// The inputs the benchmarks share: one realistic order, as a body and as a draft, and a contact.
enum Fixtures {
    /// The moment every fixture is stamped with.
    static let now = Timestamp(rfc3339: "2026-06-22T10:00:00Z")!

    /// A `POST /v1/orders/placed` body of about 300 bytes, as a shop's integration sends it.
    /// - Parameters:
    ///   - id: the order id.
    ///   - buyer: the buyer's number, in the email address.
    static func orderBody(id: Int, buyer: Int) -> [UInt8] {
        Array(
            """
            {"order_id":\(id),"total":"59.97","currency":"USD","order_date":"2026-06-22T10:00:00Z",\
            "email":"buyer-\(buyer)@example.com","financial_status":"paid","fulfillment_status":"unfulfilled",\
            "line_items":[{"sku":"SKU-1","quantity":3,"price":"19.99"}],\
            "billing_address":{"first_name":"Ann","last_name":"Lee","city":"Austin","country_code":"US"}}
            """.utf8
        )
    }

    /// The draft ``orderBody(id:buyer:)`` reads into, with another total if given.
    static func orderDraft(id: Int, buyer: Int, total: String = "59.97") -> OrderDraft {
        var draft = OrderDraft(orderID: String(id), total: total, currency: "USD", orderDate: "2026-06-22T10:00:00Z", email: "buyer-\(buyer)@example.com")
        draft.financialStatus = .value("paid")
        draft.fulfillmentStatus = .value("unfulfilled")
        draft.lineItems = .value([.init(sku: "SKU-1", quantity: 3, price: "19.99")])
        draft.billingAddress = .value(Order.Address(firstName: "Ann", lastName: "Lee", city: "Austin", countryCode: "US"))
        return draft
    }

    /// The order ``orderDraft(id:buyer:total:)`` validates into, linked to a contact.
    static let order: Order = {
        var order = try! OrderRules.upsert(orderDraft(id: 1_000_042, buyer: 7), over: nil, now: now).get()
        order.contactID = contact.id
        return order
    }()

    /// A contact with every kind of field set, as `POST /v1/contacts` creates it.
    static let contact: Contact = {
        let draft = ContactDraft(
            firstName: "Ann",
            lastName: "Lee",
            email: "ann.lee@example.com",
            phoneNumber: "+15555550123",
            tags: ["vip", "newsletter"],
            customFields: ["plan": .string("gold"), "visits": .number(text: "12"), "wholesale": .bool(false)],
            emailConsent: EmailConsent.subscribed.rawValue,
            smsConsent: SMSConsent.singleOptIn.rawValue
        )
        var generator = SystemRandomNumberGenerator()
        return try! ContactRules.create(draft, id: .timeOrdered(at: now, using: &generator), sequence: 42, now: now, source: .api).get().contact
    }()
}
