import HTTPTypes
import HummingbirdTesting
import PrivyDomain
import PrivyJSON
import PrivyStore
import Testing

@Suite("Orders API, through the real server")
struct OrdersTests {
    private static let integrationHeader = HTTPField.Name("X-Privy-Integration-Token")!

    private func order(_ id: String, total: String = "\"95.00\"", date: String = "2026-06-22T10:00:00Z", extra: String = #","email":"buyer@example.com""#) -> String {
        #"{"order_id":\#(id),"total":\#(total),"currency":"USD","order_date":"\#(date)"\#(extra)}"#
    }

    private func stats(of email: String, _ client: some TestClientProtocol, _ fixture: EdgeFixture) async throws -> JSONValue? {
        try await client.call(.get, "/v1/contacts?email=\(email)", token: fixture.readerToken).data[0]?["order_stats"]
    }

    @Test("201 then 200 for the same payload: one order, counted once")
    func idempotentUpsert() async throws {
        try await EdgeFixture.run { client, fixture async throws in
            let first = try await client.call(.post, "/v1/orders/placed", token: fixture.adminToken, body: order("1001"))
            #expect(first.status == .created)
            #expect(first.data["order_id"]?.intValue == 1001)
            #expect(first.data["total_amount"]?.stringValue == "95.00")
            #expect(first.data["currency_code"]?.stringValue == "USD")
            #expect(first.data["placed_at"]?.stringValue == "2026-06-22T10:00:00Z")
            #expect(first.data["source"]?.stringValue == "api")
            #expect(first.data["contact_id"]?.stringValue?.hasPrefix("cus_") == true)
            let second = try await client.call(.post, "/v1/orders/placed", token: fixture.adminToken, body: order("1001"))
            #expect(second.status == .ok)
            #expect(second.data == first.data)
            let stats = try await self.stats(of: "buyer@example.com", client, fixture)
            #expect(stats?["orders_count"]?.intValue == 1)
            #expect(stats?["total_spent"] == ["USD": "95.00"])
        }
    }

    @Test("an integer and a string order_id name the same order")
    func orderIDSpellings() async throws {
        try await EdgeFixture.run { client, fixture async throws in
            #expect(try await client.call(.post, "/v1/orders/placed", token: fixture.adminToken, body: order("42")).status == .created)
            #expect(try await client.call(.post, "/v1/orders/placed", token: fixture.adminToken, body: order("\"42\"")).status == .ok)
            #expect(try await client.call(.post, "/v1/orders/placed", token: fixture.adminToken, body: order("\"0042\"")).status == .ok)
            #expect(try await client.call(.get, "/v1/orders/42", token: fixture.adminToken).data["order_id"]?.intValue == 42)
            #expect(try await self.stats(of: "buyer@example.com", client, fixture)?["orders_count"]?.intValue == 1)
        }
    }

    @Test("an update with omitted optional fields keeps them; an updated total replaces, never adds")
    func updateKeepsOmitted() async throws {
        try await EdgeFixture.run { client, fixture async throws in
            let full = order("7", extra: #","email":"buyer@example.com","financial_status":"paid","customer_id":"c-9","total_items":3"#)
            _ = try await client.call(.post, "/v1/orders/placed", token: fixture.adminToken, body: full)
            let updated = try await client.call(.post, "/v1/orders/placed", token: fixture.adminToken, body: order("7", total: "\"10.00\"", extra: #","email":"buyer@example.com","fulfillment_status":"shipped""#))
            #expect(updated.status == .ok)
            #expect(updated.data["financial_status"]?.stringValue == "paid")
            #expect(updated.data["customer_id"]?.stringValue == "c-9")
            #expect(updated.data["total_items"]?.intValue == 3)
            #expect(updated.data["fulfillment_status"]?.stringValue == "shipped")
            #expect(updated.data["total_amount"]?.stringValue == "10.00")
            #expect(try await self.stats(of: "buyer@example.com", client, fixture)?["total_spent"] == ["USD": "10.00"])
        }
    }

    @Test("money is exact decimal: 0.10 + 0.20 is 0.30 in the stats, from strings and numbers alike")
    func decimalExactness() async throws {
        try await EdgeFixture.run { client, fixture async throws in
            _ = try await client.call(.post, "/v1/orders/placed", token: fixture.adminToken, body: order("1", total: "0.10"))
            _ = try await client.call(.post, "/v1/orders/placed", token: fixture.adminToken, body: order("2", total: "\"0.20\"", date: "2026-06-20T09:00:00Z"))
            let stats = try await self.stats(of: "buyer@example.com", client, fixture)
            #expect(stats?["total_spent"] == ["USD": "0.30"])
            #expect(stats?["orders_count"]?.intValue == 2)
            #expect(stats?["first_order_at"]?.stringValue == "2026-06-20T09:00:00Z")
            #expect(stats?["last_order_at"]?.stringValue == "2026-06-22T10:00:00Z")
        }
    }

    @Test("every missing or invalid field is a 422 detail, and nothing is stored", arguments: [
        (#"{"total":"1","currency":"USD","order_date":"2026-06-22T10:00:00Z","email":"a@example.com"}"#, ["order_id"]),
        (#"{"order_id":0,"total":"1","currency":"USD","order_date":"2026-06-22T10:00:00Z","email":"a@example.com"}"#, ["order_id"]),
        (#"{"order_id":-5,"total":"1","currency":"USD","order_date":"2026-06-22T10:00:00Z","email":"a@example.com"}"#, ["order_id"]),
        (#"{"order_id":1,"currency":"USD","order_date":"2026-06-22T10:00:00Z","email":"a@example.com"}"#, ["total"]),
        (#"{"order_id":1,"total":"1.2.3","currency":"USD","order_date":"2026-06-22T10:00:00Z","email":"a@example.com"}"#, ["total"]),
        (#"{"order_id":1,"total":"1","order_date":"2026-06-22T10:00:00Z","email":"a@example.com"}"#, ["currency"]),
        (#"{"order_id":1,"total":"1","currency":"DOLLARS","order_date":"2026-06-22T10:00:00Z","email":"a@example.com"}"#, ["currency"]),
        (#"{"order_id":1,"total":"1","currency":"USD","email":"a@example.com"}"#, ["order_date"]),
        (#"{"order_id":1,"total":"1","currency":"USD","order_date":"2026-02-30T10:00:00Z","email":"a@example.com"}"#, ["order_date"]),
        (#"{"order_id":1,"total":"1","currency":"USD","order_date":"2026-06-22T10:00:00Z"}"#, ["base"]),
        (#"{"order_id":1,"total":"1","currency":"USD","order_date":"2026-06-22T10:00:00Z","email":"nope"}"#, ["email"]),
        (#"{"order_id":1,"total":"1","currency":"USD","order_date":"2026-06-22T10:00:00Z","phone":"12345"}"#, ["phone"]),
        (#"{"order_id":1,"total":"1","currency":"USD","order_date":"2026-06-22T10:00:00Z","email":"a@example.com","accepts_sms_marketing":true}"#, ["accepts_sms_marketing"]),
        (#"{"order_id":1,"total":"1","currency":"USD","order_date":"2026-06-22T10:00:00Z","email":"a@example.com","line_items":[{"sku":"a","quantity":-1,"price":"x"}]}"#, ["line_items[0].quantity", "line_items[0].price"]),
    ])
    func validation(body: String, fields: [String]) async throws {
        try await EdgeFixture.run { client, fixture async throws in
            let response = try await client.call(.post, "/v1/orders/placed", token: fixture.adminToken, body: body)
            #expect(response.status == .unprocessableContent)
            #expect(response.errorCode == "validation_failed")
            #expect(response.detailFields == fields)
            #expect(try fixture.store.orders.order(id: "1") == nil)
            #expect(try fixture.store.contacts.list(matching: .init()).totalCount == 0)
        }
    }

    @Test("an update of an order that opted in to SMS must name its phone: the rule that reads the stored order, after the request's own")
    func storedSMSOptInNeedsPhone() async throws {
        try await EdgeFixture.run { client, fixture async throws in
            let placed = order("8", extra: #","email":"sms@example.com","phone":"+15555550188","accepts_sms_marketing":true"#)
            #expect(try await client.call(.post, "/v1/orders/placed", token: fixture.adminToken, body: placed).status == .created)
            let withoutPhone = try await client.call(.post, "/v1/orders/placed", token: fixture.adminToken, body: order("8", total: "\"-1\"", extra: #","email":"sms@example.com""#))
            #expect(withoutPhone.status == .unprocessableContent)
            #expect(withoutPhone.detailFields == ["total", "accepts_sms_marketing"])
            #expect(try fixture.store.orders.order(id: "8")?.total.description == "95.00", "nothing of the refused update is stored")
            let withPhone = order("8", total: "\"20.00\"", extra: #","email":"sms@example.com","phone":"+15555550188""#)
            #expect(try await client.call(.post, "/v1/orders/placed", token: fixture.adminToken, body: withPhone).status == .ok)
        }
    }

    @Test("wrong JSON types are 400 naming the field")
    func wrongTypes() async throws {
        try await EdgeFixture.run { client, fixture async throws in
            let response = try await client.call(.post, "/v1/orders/placed", token: fixture.adminToken, body: #"{"order_id":true,"total":"1","currency":"USD","order_date":"2026-06-22T10:00:00Z","email":"a@example.com","billing_address":"here"}"#)
            #expect(response.status == .badRequest)
            #expect(response.detailFields == ["order_id", "billing_address"])
        }
    }

    @Test("linkage finds a contact by email, else by phone, else creates one subscribed on email when accepted")
    func linkage() async throws {
        try await EdgeFixture.run { client, fixture async throws in
            let byPhone = try await client.createContact(#"{"phone_number":"+15555550300"}"#, token: fixture.writerToken)
            let linked = try await client.call(.post, "/v1/orders/placed", token: fixture.adminToken, body: order("1", extra: #","phone":"+15555550300""#))
            #expect(linked.data["contact_id"]?.stringValue == byPhone)
            let created = try await client.call(.post, "/v1/orders/placed", token: fixture.adminToken, body: order("2", extra: #","email":"new@example.com","phone":"+15555550301","accepts_email_marketing":true,"accepts_sms_marketing":true,"billing_address":{"first_name":"Nia","last_name":"Lee"}"#))
            let contactID = try #require(created.data["contact_id"]?.stringValue)
            let contact = try await client.call(.get, "/v1/contacts/\(contactID)", token: fixture.readerToken).data
            #expect(contact["email_consent"]?.stringValue == "subscribed")
            #expect(contact["sms_consent"]?.stringValue == "single_opt_in")
            #expect(contact["first_name"]?.stringValue == "Nia")
            let events = try await client.call(.get, "/v1/contacts/\(contactID)/consent_events", token: fixture.readerToken).data.arrayValue
            #expect(events?.allSatisfy { $0["source"]?.stringValue == "order" } == true)
            #expect(events?.count == 2)
        }
    }

    @Test("an order never lowers an existing contact's consent, nor raises it")
    func consentNeverLowered() async throws {
        try await EdgeFixture.run { client, fixture async throws in
            let subscribed = try await client.createContact(#"{"email":"sub@example.com","email_consent":"subscribed"}"#, token: fixture.writerToken)
            let unsubscribed = try await client.createContact(#"{"email":"unsub@example.com","email_consent":"unsubscribed"}"#, token: fixture.writerToken)
            _ = try await client.call(.post, "/v1/orders/placed", token: fixture.adminToken, body: order("1", extra: #","email":"sub@example.com","accepts_email_marketing":false"#))
            _ = try await client.call(.post, "/v1/orders/placed", token: fixture.adminToken, body: order("2", extra: #","email":"unsub@example.com","accepts_email_marketing":true"#))
            #expect(try await client.call(.get, "/v1/contacts/\(subscribed)", token: fixture.readerToken).data["email_consent"]?.stringValue == "subscribed")
            #expect(try await client.call(.get, "/v1/contacts/\(unsubscribed)", token: fixture.readerToken).data["email_consent"]?.stringValue == "unsubscribed")
        }
    }

    @Test("initial_sync updates stats but records no real-time side effects, and marks the change for the upstream")
    func initialSync() async throws {
        try await EdgeFixture.run { client, fixture async throws in
            _ = try await client.call(.post, "/v1/orders/placed", token: fixture.adminToken, body: order("1", extra: #","email":"hist@example.com","initial_sync":true"#))
            _ = try await client.call(.post, "/v1/orders/placed", token: fixture.adminToken, body: order("2", extra: #","email":"hist@example.com""#))
            #expect(try await self.stats(of: "hist@example.com", client, fixture)?["orders_count"]?.intValue == 2)
            let orderChanges = try fixture.store.changes(after: 0, limit: 100).filter { if case .order = $0.entity { true } else { false } }
            #expect(orderChanges.map { $0.flags.contains(.initialSync) } == [true, false])
            #expect(orderChanges.map { $0.flags.contains(.realtimeEffects) } == [false, true])
            #expect(try await client.call(.get, "/v1/orders/1", token: fixture.adminToken).data["initial_sync"] == true)
        }
    }

    @Test("an order whose email moves to another customer moves its stats with it")
    func statsMoveWithOrder() async throws {
        try await EdgeFixture.run { client, fixture async throws in
            _ = try await client.call(.post, "/v1/orders/placed", token: fixture.adminToken, body: order("5", extra: #","email":"first@example.com""#))
            _ = try await client.call(.post, "/v1/orders/placed", token: fixture.adminToken, body: order("5", extra: #","email":"second@example.com""#))
            #expect(try await self.stats(of: "first@example.com", client, fixture)?["orders_count"]?.intValue == 0)
            #expect(try await self.stats(of: "first@example.com", client, fixture)?["total_spent"] == [:])
            #expect(try await self.stats(of: "second@example.com", client, fixture)?["total_spent"] == ["USD": "95.00"])
        }
    }

    @Test("integration attribution: none, the only active one, an explicit token, and 422 for an inactive token")
    func integrations() async throws {
        try await EdgeFixture.run { client, fixture async throws in
            let none = try await client.call(.post, "/v1/orders/placed", token: fixture.adminToken, body: order("1"))
            #expect(none.data["integration_id"]?.isNull == true)
            let only = try await fixture.store.orders.createIntegration(name: "Shop")
            let implicit = try await client.call(.post, "/v1/orders/placed", token: fixture.adminToken, body: order("2"))
            #expect(implicit.data["integration_id"]?.stringValue == only.id)
            let second = try await fixture.store.orders.createIntegration(name: "POS")
            let ambiguous = try await client.call(.post, "/v1/orders/placed", token: fixture.adminToken, body: order("3"))
            #expect(ambiguous.data["integration_id"]?.isNull == true)
            let explicit = try await client.call(.post, "/v1/orders/placed", token: fixture.adminToken, body: order("4"), headers: [Self.integrationHeader: second.token])
            #expect(explicit.data["integration_id"]?.stringValue == second.id)
            _ = try await fixture.store.orders.deactivateIntegration(id: second.id)
            let inactive = try await client.call(.post, "/v1/orders/placed", token: fixture.adminToken, body: order("5"), headers: [Self.integrationHeader: second.token])
            #expect(inactive.status == .unprocessableContent)
            #expect(inactive.detailFields == ["X-Privy-Integration-Token"])
            let unknown = try await client.call(.post, "/v1/orders/placed", token: fixture.adminToken, body: order("6"), headers: [Self.integrationHeader: "pit_nope"])
            #expect(unknown.status == .unprocessableContent)
            #expect(try fixture.store.orders.order(id: "5") == nil)
            #expect(try fixture.store.orders.order(id: "6") == nil)
            let backToOne = try await client.call(.post, "/v1/orders/placed", token: fixture.adminToken, body: order("7"))
            #expect(backToOne.data["integration_id"]?.stringValue == only.id)
        }
    }

    @Test("orders need the orders_write scope")
    func scope() async throws {
        try await EdgeFixture.run { client, fixture async throws in
            let response = try await client.call(.post, "/v1/orders/placed", token: fixture.writerToken, body: order("1"))
            #expect(response.status == .forbidden)
            #expect(try await client.call(.get, "/v1/orders/999", token: fixture.adminToken).status == .notFound)
        }
    }
}
