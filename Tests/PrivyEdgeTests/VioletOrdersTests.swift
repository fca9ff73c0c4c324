import HTTPTypes
import HummingbirdTesting
import PrivyDomain
import PrivyJSON
import PrivyStore
import Testing

@Suite("Violet orders (POST /api/orders), through the real server")
struct VioletOrdersTests {
    private static let kinds = ["order_confirmation", "order_fulfillment", "marketing"]

    /// Violet's guide (seed 003), restated here independently of the server's table: Shopify
    /// defaults confirmation and fulfillment to OPT_IN and records an opt-in as SINGLE_OPT_IN;
    /// marketing defaults to NO_OPT_IN and maps directly. Other platforms apply nothing.
    private static func expected(_ kind: String, sent: String?, shopify: Bool) -> (requested: JSONValue, result: String) {
        guard shopify else { return (sent.map(JSONValue.string) ?? .null, "NOT_APPLIED") }
        if kind == "marketing" {
            let requested = sent ?? "NO_OPT_IN"
            return (.string(requested), requested)
        }
        let requested = sent ?? "OPT_IN"
        return (.string(requested), requested == "OPT_IN" ? "SINGLE_OPT_IN" : "NO_OPT_IN")
    }

    private func bag(platform: String? = nil, preferences: String? = nil, price: Int = 1999, quantity: Int = 1) -> String {
        let platformField = platform.map { #""platform":"\#($0)","# } ?? ""
        let preferencesField = preferences.map { #","communication_preferences":\#($0)"# } ?? ""
        return #"{\#(platformField)"skus":[{"sku_id":80455,"quantity":\#(quantity),"price":\#(price)}]\#(preferencesField)}"#
    }

    private func order(_ appOrderID: String, email: String = "shopper@example.com", bags: [String]) -> String {
        #"{"order":{"app_order_id":"\#(appOrderID)","customer":{"first_name":"Ultra","last_name":"Violet","email":"\#(email)"},"currency":"USD","bags":[\#(bags.joined(separator: ","))]}}"#
    }

    private func contact(_ email: String, _ client: some TestClientProtocol, _ fixture: EdgeFixture) async throws -> JSONValue? {
        try await client.call(.get, "/v1/contacts?email=\(email)", token: fixture.readerToken).data[0]
    }

    @Test("every combination of the three preferences (OPT_IN, NO_OPT_IN, omitted) maps by the platform's row", arguments: [nil, "SHOPIFY", "BIGCOMMERCE"])
    func mappingTable(platform: String?) async throws {
        let shopify = platform != "BIGCOMMERCE"
        try await EdgeFixture.run { client, fixture async throws in
            let values: [String?] = [nil, "OPT_IN", "NO_OPT_IN"]
            var combination = 0
            for confirmation in values {
                for fulfillment in values {
                    for marketing in values {
                        combination += 1
                        let sent = Dictionary(uniqueKeysWithValues: zip(Self.kinds, [confirmation, fulfillment, marketing]))
                        let members = Self.kinds.compactMap { kind in sent[kind]!.map { #""\#(kind)":"\#($0)""# } }
                        // All omitted: no communication_preferences at all, the guide's default case.
                        let preferences = members.isEmpty ? nil : #"{"email_preferences":{\#(members.joined(separator: ","))}}"#
                        let email = "combo\(combination)@example.com"
                        let appOrderID = "combo-\(combination)"
                        let response = try await client.call(.post, "/api/orders", token: fixture.adminToken, body: order(appOrderID, email: email, bags: [bag(platform: platform, preferences: preferences)]))
                        #expect(response.status == .created)
                        let answered = response.json["bags"]?[0]
                        #expect(answered?["platform"]?.stringValue == platform ?? "SHOPIFY")
                        let stored = try #require(try fixture.store.orders.violetBags(appOrderID: appOrderID).first)
                        #expect(answered?["id"]?.intValue.map(String.init) == stored.orderID.rawValue)
                        for kind in Self.kinds {
                            let expected = Self.expected(kind, sent: sent[kind]!, shopify: shopify)
                            let preference = answered?["communication_preferences"]?["email_preferences"]?[kind]
                            #expect(preference?["requested"] == expected.requested, "\(kind) sent \(sent[kind]! ?? "nothing") on \(platform ?? "default")")
                            #expect(preference?["result"]?.stringValue == expected.result, "\(kind) sent \(sent[kind]! ?? "nothing") on \(platform ?? "default")")
                            let storedPreference = stored.preferences[EmailPreferenceKind(rawValue: kind)!]
                            #expect(storedPreference?.requested?.rawValue == expected.requested.stringValue)
                            #expect(storedPreference?.result.rawValue == expected.result)
                        }
                        let subscribes = shopify && marketing == "OPT_IN"
                        #expect(try await contact(email, client, fixture)?["email_consent"]?.stringValue == (subscribes ? "subscribed" : "never_subscribed"))
                        let storedOrder = try #require(try fixture.store.orders.order(id: String(answered?["id"]?.intValue ?? 0)))
                        #expect(storedOrder.acceptsEmailMarketing == (shopify ? marketing == "OPT_IN" : nil))
                    }
                }
            }
        }
    }

    @Test("bags of one order carry their own preferences and platforms, each bag its own order")
    func perBagPreferences() async throws {
        try await EdgeFixture.run { client, fixture async throws in
            let bags = [
                bag(preferences: #"{"email_preferences":{"order_confirmation":"NO_OPT_IN","marketing":"NO_OPT_IN"}}"#, price: 1000, quantity: 2),
                bag(platform: "SHOPIFY", preferences: #"{"email_preferences":{"order_fulfillment":"NO_OPT_IN","marketing":"OPT_IN"}}"#, price: 5),
                bag(platform: "woocommerce", preferences: #"{"email_preferences":{"marketing":"OPT_IN"}}"#, price: 250),
            ]
            let response = try await client.call(.post, "/api/orders", token: fixture.adminToken, body: order("multi-1", bags: bags))
            #expect(response.status == .created)
            let answered = try #require(response.json["bags"]?.arrayValue)
            func result(_ bag: Int, _ kind: String) -> String? {
                answered[bag]["communication_preferences"]?["email_preferences"]?[kind]?["result"]?.stringValue
            }
            #expect([result(0, "order_confirmation"), result(0, "order_fulfillment"), result(0, "marketing")] == ["NO_OPT_IN", "SINGLE_OPT_IN", "NO_OPT_IN"])
            #expect([result(1, "order_confirmation"), result(1, "order_fulfillment"), result(1, "marketing")] == ["SINGLE_OPT_IN", "NO_OPT_IN", "OPT_IN"])
            #expect([result(2, "order_confirmation"), result(2, "order_fulfillment"), result(2, "marketing")] == ["NOT_APPLIED", "NOT_APPLIED", "NOT_APPLIED"])
            #expect(answered[2]["platform"]?.stringValue == "WOOCOMMERCE")
            let ids = answered.compactMap { $0["id"]?.intValue }
            #expect(Set(ids).count == 3)
            #expect(ids.allSatisfy { UInt64($0) > OrderStore.violetOrderIDBase })
            let totals = try ids.map { try fixture.store.orders.order(id: String($0))?.total.description }
            #expect(totals == ["20.00", "0.05", "2.50"])
            let shopper = try await contact("shopper@example.com", client, fixture)
            #expect(shopper?["email_consent"]?.stringValue == "subscribed")
            #expect(shopper?["order_stats"]?["orders_count"]?.intValue == 3)
            #expect(shopper?["order_stats"]?["total_spent"] == ["USD": "22.55"])
            #expect(answered.allSatisfy { $0["contact_id"] == shopper?["id"] })
        }
    }

    @Test("marketing OPT_IN subscribes an existing contact through the consent engine, audit source violet")
    func marketingOptInSubscribes() async throws {
        try await EdgeFixture.run { client, fixture async throws in
            for (email, before) in [("never@example.com", "never_subscribed"), ("gone@example.com", "unsubscribed")] {
                let id = try await client.createContact(#"{"email":"\#(email)","email_consent":"\#(before)"}"#, token: fixture.writerToken)
                let response = try await client.call(.post, "/api/orders", token: fixture.adminToken, body: order("opt-in-\(email)", email: email, bags: [bag(preferences: #"{"email_preferences":{"marketing":"OPT_IN"}}"#)]))
                #expect(response.json["bags"]?[0]?["contact_id"]?.stringValue == id)
                #expect(try await contact(email, client, fixture)?["email_consent"]?.stringValue == "subscribed")
                let events = try await client.call(.get, "/v1/contacts/\(id)/consent_events", token: fixture.readerToken).data.arrayValue ?? []
                let last = try #require(events.last)
                #expect(last["source"]?.stringValue == "violet")
                #expect(last["from"]?.stringValue == before && last["to"]?.stringValue == "subscribed")
                #expect(last["request_id"]?.stringValue == response.headers[HTTPField.Name("X-Request-Id")!])
            }
        }
    }

    @Test("marketing NO_OPT_IN never unsubscribes anyone")
    func noOptInNeverUnsubscribes() async throws {
        try await EdgeFixture.run { client, fixture async throws in
            let id = try await client.createContact(#"{"email":"fan@example.com","email_consent":"subscribed"}"#, token: fixture.writerToken)
            for appOrderID in ["keep-1", "keep-2"] {
                let response = try await client.call(.post, "/api/orders", token: fixture.adminToken, body: order(appOrderID, email: "fan@example.com", bags: [bag(preferences: #"{"email_preferences":{"marketing":"NO_OPT_IN"}}"#)]))
                #expect(response.status == .created)
                #expect(response.json["bags"]?[0]?["communication_preferences"]?["email_preferences"]?["marketing"]?["result"]?.stringValue == "NO_OPT_IN")
            }
            // Nor does the default (omitted marketing).
            _ = try await client.call(.post, "/api/orders", token: fixture.adminToken, body: order("keep-3", email: "fan@example.com", bags: [bag()]))
            #expect(try await contact("fan@example.com", client, fixture)?["email_consent"]?.stringValue == "subscribed")
            let events = try await client.call(.get, "/v1/contacts/\(id)/consent_events", token: fixture.readerToken).data.arrayValue ?? []
            #expect(events.count == 1)
            #expect(events.first?["source"]?.stringValue == "api")
        }
    }

    @Test("a compliance-suppressed contact is not subscribed: the order is stored and marketing reports NOT_APPLIED")
    func complianceSuppressed() async throws {
        try await EdgeFixture.run { client, fixture async throws in
            let id = try await client.createContact(#"{"email":"held@example.com"}"#, token: fixture.writerToken)
            let suppressed = try await client.call(.post, "/v1/admin/contacts/\(id)/consent", token: fixture.adminToken, body: #"{"email_consent":"compliance_suppressed"}"#)
            #expect(suppressed.status == .ok)
            let response = try await client.call(.post, "/api/orders", token: fixture.adminToken, body: order("held-1", email: "held@example.com", bags: [bag(preferences: #"{"email_preferences":{"marketing":"OPT_IN"}}"#)]))
            #expect(response.status == .created)
            let marketing = response.json["bags"]?[0]?["communication_preferences"]?["email_preferences"]?["marketing"]
            #expect(marketing == ["requested": "OPT_IN", "result": "NOT_APPLIED"])
            #expect(try fixture.store.orders.violetBags(appOrderID: "held-1").first?.preferences[.marketing] == ResolvedPreference(requested: .optIn, result: .notApplied))
            let held = try await contact("held@example.com", client, fixture)
            #expect(held?["email_consent"]?.stringValue == "compliance_suppressed")
            #expect(held?["order_stats"]?["orders_count"]?.intValue == 1)
        }
    }

    @Test("malformed preferences are 400 bad_request naming the field; nothing is stored", arguments: [
        (#"{"email_preferences":{"marketing":"YES"}}"#, "order.bags[1].communication_preferences.email_preferences.marketing"),
        (#"{"email_preferences":{"order_confirmation":"opt_in"}}"#, "order.bags[1].communication_preferences.email_preferences.order_confirmation"),
        (#"{"email_preferences":{"order_fulfillment":true}}"#, "order.bags[1].communication_preferences.email_preferences.order_fulfillment"),
        (#"{"email_preferences":{"sms_marketing":"OPT_IN"}}"#, "order.bags[1].communication_preferences.email_preferences.sms_marketing"),
        (#"{"email_preferences":"OPT_IN"}"#, "order.bags[1].communication_preferences.email_preferences"),
        (#"{"sms_preferences":{}}"#, "order.bags[1].communication_preferences.sms_preferences"),
        (#"["OPT_IN"]"#, "order.bags[1].communication_preferences"),
    ])
    func malformedPreferences(preferences: String, field: String) async throws {
        try await EdgeFixture.run { client, fixture async throws in
            let body = order("bad-1", bags: [bag(), bag(preferences: preferences)])
            let response = try await client.call(.post, "/api/orders", token: fixture.adminToken, body: body)
            #expect(response.status == .badRequest)
            #expect(response.errorCode == "bad_request")
            #expect(response.detailFields == [field])
            try expectNothingStored(fixture)
        }
    }

    @Test("a rule broken in any bag is 422 naming Violet's field; no bag is stored", arguments: [
        (#"{"order":{"customer":{"email":"a@example.com"},"currency":"USD","bags":[{"skus":[{"sku_id":1,"price":1}]}]}}"#, ["order.app_order_id"]),
        (#"{"order":{"app_order_id":"x","customer":{"first_name":"A"},"currency":"USD","bags":[{"skus":[{"sku_id":1,"price":1}]}]}}"#, ["order.customer.email"]),
        (#"{"order":{"app_order_id":"x","customer":{"email":"not-an-email"},"currency":"USD","bags":[{"skus":[{"sku_id":1,"price":1}]}]}}"#, ["order.customer.email"]),
        (#"{"order":{"app_order_id":"x","customer":{"email":"a@example.com"},"currency":"DOLLARS","bags":[{"skus":[{"sku_id":1,"price":1}]}]}}"#, ["order.currency"]),
        (#"{"order":{"app_order_id":"x","customer":{"email":"a@example.com"},"currency":"USD","bags":[]}}"#, ["order.bags"]),
        (#"{"order":{"app_order_id":"x","customer":{"email":"a@example.com"},"currency":"USD","bags":[{"skus":[{"sku_id":1,"price":1}]},{"skus":[{"sku_id":2,"price":-5,"quantity":0}]}]}}"#, ["order.bags[1].skus[0].quantity", "order.bags[1].skus[0].price"]),
    ])
    func ruleViolations(body: String, fields: [String]) async throws {
        try await EdgeFixture.run { client, fixture async throws in
            let response = try await client.call(.post, "/api/orders", token: fixture.adminToken, body: body)
            #expect(response.status == .unprocessableContent)
            #expect(response.errorCode == "validation_failed")
            #expect(response.detailFields == fields)
            try expectNothingStored(fixture)
        }
    }

    @Test("a resubmission of the same app_order_id updates the same orders: same ids, stats counted once")
    func resubmissionIsIdempotent() async throws {
        try await EdgeFixture.run { client, fixture async throws in
            let body = order("again-1", bags: [bag(price: 1000), bag(platform: "BIGCOMMERCE", price: 20)])
            let first = try await client.call(.post, "/api/orders", token: fixture.adminToken, body: body)
            #expect(first.status == .created)
            let second = try await client.call(.post, "/api/orders", token: fixture.adminToken, body: body)
            #expect(second.status == .ok)
            #expect(second.json == first.json)
            let ids = first.json["bags"]?.arrayValue?.compactMap { $0["id"]?.intValue } ?? []
            let placedAt = try fixture.store.orders.order(id: String(ids[0]))?.placedAt
            var stats = try await contact("shopper@example.com", client, fixture)?["order_stats"]
            #expect(stats?["orders_count"]?.intValue == 2)
            #expect(stats?["total_spent"] == ["USD": "10.20"])

            // A changed price replaces the bag's total, it does not add an order.
            let changed = try await client.call(.post, "/api/orders", token: fixture.adminToken, body: order("again-1", bags: [bag(price: 1500), bag(platform: "BIGCOMMERCE", price: 20)]))
            #expect(changed.status == .ok)
            #expect(changed.json["bags"]?.arrayValue?.compactMap { $0["id"]?.intValue } == ids)
            stats = try await contact("shopper@example.com", client, fixture)?["order_stats"]
            #expect(stats?["orders_count"]?.intValue == 2)
            #expect(stats?["total_spent"] == ["USD": "15.20"])
            #expect(try fixture.store.orders.order(id: String(ids[0]))?.placedAt == placedAt)
            #expect(try fixture.store.orders.violetBags(appOrderID: "again-1").map(\.orderID.rawValue) == ids.map(String.init))

            // Another app_order_id is another order.
            let other = try await client.call(.post, "/api/orders", token: fixture.adminToken, body: order("again-2", bags: [bag()]))
            #expect(other.status == .created)
            #expect(other.json["bags"]?[0]?["id"]?.intValue.map { !ids.contains($0) } == true)
        }
    }

    @Test("the route needs a bearer token with orders_write")
    func scope() async throws {
        try await EdgeFixture.run { client, fixture async throws in
            let body = order("scope-1", bags: [bag()])
            #expect(try await client.call(.post, "/api/orders", body: body).status == .unauthorized)
            let forbidden = try await client.call(.post, "/api/orders", token: fixture.writerToken, body: body)
            #expect(forbidden.status == .forbidden)
            #expect(forbidden.errorCode == "insufficient_scope")
            try expectNothingStored(fixture)
        }
    }

    private func expectNothingStored(_ fixture: EdgeFixture) throws {
        #expect(try fixture.store.contacts.list(matching: .init()).totalCount == 0)
        #expect(try fixture.store.orders.order(id: String(OrderStore.violetOrderIDBase + 1)) == nil)
        for appOrderID in ["x", "bad-1", "scope-1"] {
            #expect(try fixture.store.orders.violetBags(appOrderID: appOrderID).isEmpty)
        }
    }
}
