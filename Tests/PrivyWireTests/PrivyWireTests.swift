import PrivyDomain
import PrivyJSON
import PrivyWire
import Testing

/// The wire codec on its own: request readers name every field of a wrong type, the writers
/// agree with the readers, and a contact's fields are written one way everywhere.
@Suite("Wire codec")
struct PrivyWireTests {
    private static let now = Timestamp(rfc3339: "2026-03-01T12:00:00Z")!

    private func object(_ text: String) throws -> JSONObject {
        guard case .object(let object) = try JSONParser.parse(Array(text.utf8)) else {
            Issue.record("not an object: \(text)")
            return JSONObject()
        }
        return object
    }

    @Test("a body with several wrong types names each of them, nested ones by their path")
    func wrongTypesCollected() throws {
        let body = try object(#"{"order_id": true, "total": "12.00", "line_items": [{"quantity": "two"}, 3], "billing_address": {"city": 5}}"#)
        let error = try #require(throws: WrongFieldTypes.self) { try OrderDraft(json: body) }
        #expect(error.details.map(\.field) == ["order_id", "line_items[0].quantity", "line_items[1]", "billing_address.city"])
        #expect(error.message == "4 fields have the wrong JSON type")
    }

    @Test("one wrong type is named in the message itself")
    func oneWrongType() throws {
        let error = try #require(throws: WrongFieldTypes.self) { try ContactPatch(json: try object(#"{"tags": "vip"}"#)) }
        #expect(error.message == "tags must be an array of strings")
    }

    @Test("a nested custom field is a broken rule (422), not a wrong type")
    func nestedCustomField() throws {
        let failure = try #require(throws: ValidationFailure.self) {
            try ContactDraft(json: try object(#"{"email": "a@example.com", "custom_fields": {"size": {"eu": 42}}}"#))
        }
        #expect(failure.details.map(\.field) == ["custom_fields.size"])
    }

    @Test("the upstream order body reads back through the endpoint's reader to the same order")
    func placedBodyRoundTrip() throws {
        let order = Order(
            id: OrderID(parsing: "1000042")!, email: EmailAddress(validating: "ann@example.com"), phone: nil,
            total: Money("107.50")!, currency: CurrencyCode(validating: "EUR")!, placedAt: Self.now,
            customerID: "c-7", subtotal: Money("100.00")!,
            discounts: [.init(code: "SPRING", amount: Money("5.00"))], taxLines: [.init(title: "VAT", amount: Money("12.50"))],
            totalItems: 2, financialStatus: "paid", fulfillmentStatus: nil,
            lineItems: [.init(sku: "SKU-1", quantity: 2, price: Money("50.00"))],
            billingAddress: .init(firstName: "Ann", city: "Lyon", countryCode: "FR"), shippingAddress: nil,
            acceptsEmailMarketing: true, acceptsSMSMarketing: nil, initialSync: true,
            createdAt: Self.now, updatedAt: Self.now
        )
        let draft = try OrderDraft(json: try object(String(decoding: order.placedBody(), as: UTF8.self)))
        let reread = try OrderRules.upsert(draft, over: nil, now: Self.now).get()
        #expect(reread == order)
    }

    @Test("a contact's fields are written once: the API's answer and a body of chosen fields agree")
    func contactMembers() throws {
        let contact = Contact(
            id: ContactID(validating: "cus_0000000000000001")!, sequence: 1, firstName: "Ann", email: EmailAddress(validating: "ann@example.com"),
            emailConsent: .subscribed, tags: ["vip"], customFields: ["size": .number(text: "42"), "note": .null], createdAt: Self.now
        )
        var full = JSONWriter()
        full.contact(contact, stats: nil)
        let answer = try #require(try JSONParser.parse(full.bytes).objectMembers)
        for field: ContactFields in [.firstName, .lastName, .email, .phoneNumber, .emailConsent, .smsConsent, .tags, .customFields] {
            var one = JSONWriter()
            one.beginObject()
            one.member(field, of: contact)
            one.endObject()
            let member = try #require(try JSONParser.parse(one.bytes).objectMembers)
            #expect(member.count == 1)
            for (key, value) in member {
                #expect(answer[key] == value, "\(key) differs between the answer and a single-field body")
            }
        }
        var deleted = JSONWriter()
        deleted.beginObject()
        deleted.member(.deleted, of: contact)
        deleted.endObject()
        #expect(deleted.bytes == Array("{}".utf8))
    }

    @Test("a custom-field number that is not JSON (a damaged record) is written as null, never as another number")
    func damagedNumber() throws {
        let contact = Contact(id: ContactID(validating: "cus_0000000000000001")!, sequence: 1, customFields: ["bad": .number(text: "1..2")], createdAt: Self.now)
        var writer = JSONWriter()
        writer.beginObject()
        writer.member(.customFields, of: contact)
        writer.endObject()
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #"{"custom_fields":{"bad":null}}"#)
    }
}

extension JSONValue {
    /// The members of an object value.
    fileprivate var objectMembers: JSONObject? {
        if case .object(let members) = self { members } else { nil }
    }
}
