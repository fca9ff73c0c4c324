import HTTPTypes
import HummingbirdTesting
import PrivyDomain
import PrivyJSON
import PrivyStore
import Testing

@Suite("Contacts API, through the real server")
struct ContactsTests {
    @Test("create answers 201 with the contact; email is trimmed and kept as given; defaults apply")
    func create() async throws {
        try await EdgeFixture.run { client, fixture in
            let response = try await client.call(.post, "/v1/contacts", token: fixture.writerToken, body: #"{"email":"  Ann@Example.COM ","first_name":"Ann","tags":["vip","vip","new"],"custom_fields":{"points":1.50,"tier":"gold","ok":true,"none":null}}"#)
            #expect(response.status == .created)
            let contact = response.data
            let id = try #require(contact["id"]?.stringValue)
            #expect(ContactID(validating: id) != nil)
            #expect(contact["email"]?.stringValue == "Ann@Example.COM")
            #expect(contact["email_consent"]?.stringValue == "never_subscribed")
            #expect(contact["sms_consent"]?.stringValue == "never_subscribed")
            #expect(contact["tags"] == ["vip", "new"])
            #expect(contact["custom_fields"]?.serializedString() == #"{"points":1.50,"tier":"gold","ok":true,"none":null}"#)
            #expect(contact["created_at"]?.stringValue.flatMap(Timestamp.init(rfc3339:)) != nil)
            let fetched = try await client.call(.get, "/v1/contacts/\(id)", token: fixture.readerToken)
            #expect(fetched.status == .ok)
            #expect(fetched.data == contact)
        }
    }

    @Test("a duplicate email (any case) or phone answers 409 with the existing id")
    func conflicts() async throws {
        try await EdgeFixture.run { client, fixture in
            let id = try await client.createContact(#"{"email":"dup@example.com","phone_number":"+15555550100"}"#, token: fixture.writerToken)
            for body in [#"{"email":"DUP@example.com"}"#, #"{"phone_number":"+15555550100"}"#, #"{"email":"new@example.com","phone_number":"+15555550100"}"#] {
                let response = try await client.call(.post, "/v1/contacts", token: fixture.writerToken, body: body)
                #expect(response.status == .conflict)
                #expect(response.errorCode == "conflict")
                #expect(response.error["id"]?.stringValue == id)
            }
            #expect(try fixture.store.contacts.list(matching: .init()).totalCount == 1)
        }
    }

    @Test("422 names every broken field; nothing is written", arguments: [
        (#"{"first_name":"No identity"}"#, ["base"]),
        (#"{"email":"not-an-email"}"#, ["email"]),
        (#"{"phone_number":"555-0100"}"#, ["phone_number"]),
        (#"{"email":"a@example.com","sms_consent":"subscribed"}"#, ["sms_consent"]),
        (#"{"email":"a@example.com","sms_consent":"single_opt_in"}"#, ["sms_consent"]),
        (#"{"email":"a@example.com","phone_number":"+15555550101","sms_consent":"unsubscribed"}"#, ["sms_consent"]),
        (#"{"email":"a@example.com","email_consent":"compliance_suppressed"}"#, ["email_consent"]),
        (#"{"email":"a@example.com","phone_number":"+15555550101","sms_consent":"pending"}"#, ["sms_consent"]),
        (#"{"email":"a@example.com","email_consent":"maybe"}"#, ["email_consent"]),
        (#"{"email":"a@example.com","custom_fields":{"nested":{"a":1}}}"#, ["custom_fields.nested"]),
        (#"{"email":"a@example.com","custom_fields":{"huge":1e999999,"fine":1e308,"tiny":-1e-999999}}"#, ["custom_fields.huge", "custom_fields.tiny"]),
    ])
    func validation(body: String, fields: [String]) async throws {
        try await EdgeFixture.run { client, fixture in
            let response = try await client.call(.post, "/v1/contacts", token: fixture.writerToken, body: body)
            #expect(response.status == .unprocessableContent)
            #expect(response.errorCode == "validation_failed")
            #expect(response.detailFields == fields)
            #expect(try fixture.store.contacts.list(matching: .init()).totalCount == 0)
        }
    }

    @Test("PATCH replaces tags and custom_fields, keeps omitted fields, and combines consent atomically")
    func patch() async throws {
        try await EdgeFixture.run { client, fixture in
            let id = try await client.createContact(#"{"email":"p@example.com","first_name":"P","tags":["a","b"],"custom_fields":{"x":1,"y":2}}"#, token: fixture.writerToken)
            let patched = try await client.call(.patch, "/v1/contacts/\(id)", token: fixture.writerToken, body: #"{"tags":["c"],"custom_fields":{"z":3},"last_name":"Q","email_consent":"subscribed"}"#)
            #expect(patched.status == .ok)
            #expect(patched.data["tags"] == ["c"])
            #expect(patched.data["custom_fields"]?.serializedString() == #"{"z":3}"#)
            #expect(patched.data["first_name"]?.stringValue == "P")
            #expect(patched.data["last_name"]?.stringValue == "Q")
            #expect(patched.data["email_consent"]?.stringValue == "subscribed")
            #expect(patched.data["email_consent_updated_at"]?.isNull == false)

            // A consent error rejects the whole request: the name change is not applied either.
            let rejected = try await client.call(.patch, "/v1/contacts/\(id)", token: fixture.writerToken, body: #"{"first_name":"Changed","sms_consent":"subscribed"}"#)
            #expect(rejected.status == .unprocessableContent)
            #expect(rejected.detailFields == ["sms_consent"])
            #expect(try await client.call(.get, "/v1/contacts/\(id)", token: fixture.readerToken).data["first_name"]?.stringValue == "P")
        }
    }

    @Test("email and phone may be set while null, never changed once set")
    func identityImmutable() async throws {
        try await EdgeFixture.run { client, fixture in
            let id = try await client.createContact(#"{"email":"i@example.com"}"#, token: fixture.writerToken)
            let addPhone = try await client.call(.patch, "/v1/contacts/\(id)", token: fixture.writerToken, body: #"{"phone_number":"+15555550102"}"#)
            #expect(addPhone.status == .ok)
            #expect(addPhone.data["phone_number"]?.stringValue == "+15555550102")
            for body in [#"{"email":"other@example.com"}"#, #"{"phone_number":"+15555550103"}"#] {
                let response = try await client.call(.patch, "/v1/contacts/\(id)", token: fixture.writerToken, body: body)
                #expect(response.status == .unprocessableContent)
            }
            let other = try await client.createContact(#"{"email":"o@example.com"}"#, token: fixture.writerToken)
            let stolen = try await client.call(.patch, "/v1/contacts/\(other)", token: fixture.writerToken, body: #"{"phone_number":"+15555550102"}"#)
            #expect(stolen.status == .conflict)
            #expect(stolen.error["id"]?.stringValue == id)
        }
    }

    @Test("DELETE hides the contact; a matching create restores it with 201 and the same id")
    func deleteAndRestore() async throws {
        try await EdgeFixture.run { client, fixture in
            let id = try await client.createContact(#"{"email":"d@example.com","first_name":"Old","email_consent":"unsubscribed"}"#, token: fixture.writerToken)
            let deleted = try await client.call(.delete, "/v1/contacts/\(id)", token: fixture.writerToken)
            #expect(deleted.status == .ok)
            #expect(deleted.data["id"]?.stringValue == id)
            #expect(try await client.call(.get, "/v1/contacts/\(id)", token: fixture.readerToken).status == .notFound)
            #expect(try await client.call(.delete, "/v1/contacts/\(id)", token: fixture.writerToken).status == .notFound)
            let list = try await client.call(.get, "/v1/contacts", token: fixture.readerToken)
            #expect(list.json["pagination"]?["total_count"]?.intValue == 0)

            let restored = try await client.call(.post, "/v1/contacts", token: fixture.writerToken, body: #"{"email":"D@example.com","last_name":"New"}"#)
            #expect(restored.status == .created)
            #expect(restored.data["id"]?.stringValue == id)
            #expect(restored.data["last_name"]?.stringValue == "New")
            #expect(restored.data["first_name"]?.isNull == true)
            #expect(restored.data["email_consent"]?.stringValue == "unsubscribed", "an opt-out survives delete and restore")
        }
    }

    @Test("a restore keeps the phone it was not given, so SMS consent that needs a phone stays valid")
    func restoreKeepsIdentity() async throws {
        try await EdgeFixture.run { client, fixture in
            let id = try await client.createContact(#"{"email":"k@example.com","phone_number":"+15555550120","sms_consent":"single_opt_in"}"#, token: fixture.writerToken)
            _ = try await client.call(.delete, "/v1/contacts/\(id)", token: fixture.writerToken)
            let restored = try await client.call(.post, "/v1/contacts", token: fixture.writerToken, body: #"{"email":"k@example.com"}"#)
            #expect(restored.status == .created)
            #expect(restored.data["phone_number"]?.stringValue == "+15555550120")
            #expect(restored.data["sms_consent"]?.stringValue == "single_opt_in")
            let byPhone = try await client.call(.post, "/v1/contacts", token: fixture.writerToken, body: #"{"phone_number":"+15555550120"}"#)
            #expect(byPhone.status == .conflict)
            #expect(byPhone.error["id"]?.stringValue == id)
        }
    }

    @Test("lists page in creation order with exact totals, and filter on any state, read-only ones included")
    func listing() async throws {
        try await EdgeFixture.run { client, fixture in
            var ids: [String] = []
            for n in 0..<7 {
                let consent = n % 2 == 0 ? "subscribed" : "unsubscribed"
                ids.append(try await client.createContact(#"{"email":"l\#(n)@example.com","phone_number":"+1555555020\#(n)","email_consent":"\#(consent)"}"#, token: fixture.writerToken))
            }
            _ = try await client.call(.post, "/v1/admin/contacts/\(ids[6])/consent", token: fixture.adminToken, body: #"{"email_consent":"compliance_suppressed","sms_consent":"pending"}"#)

            let page2 = try await client.call(.get, "/v1/contacts?page=2&per_page=3", token: fixture.readerToken)
            #expect(page2.data.arrayValue?.map { $0["id"]?.stringValue } == Array(ids[3...5]))
            #expect(page2.json["pagination"] == ["page": 2, "per_page": 3, "total_count": 7, "total_pages": 3])
            let past = try await client.call(.get, "/v1/contacts?page=9&per_page=3", token: fixture.readerToken)
            #expect(past.status == .ok)
            #expect(past.data == [])
            #expect(past.json["pagination"]?["total_count"]?.intValue == 7)

            let subscribed = try await client.call(.get, "/v1/contacts?email_consent=subscribed", token: fixture.readerToken)
            #expect(subscribed.data.arrayValue?.compactMap { $0["id"]?.stringValue } == [ids[0], ids[2], ids[4]])
            #expect(subscribed.json["pagination"]?["total_count"]?.intValue == 3)
            let suppressed = try await client.call(.get, "/v1/contacts?email_consent=compliance_suppressed&sms_consent=pending", token: fixture.readerToken)
            #expect(suppressed.data.arrayValue?.compactMap { $0["id"]?.stringValue } == [ids[6]])
            let byEmail = try await client.call(.get, "/v1/contacts?email=L3@EXAMPLE.com", token: fixture.readerToken)
            #expect(byEmail.data.arrayValue?.compactMap { $0["id"]?.stringValue } == [ids[3]])
            let byPhone = try await client.call(.get, "/v1/contacts?phone_number=%2B15555550205&email_consent=subscribed", token: fixture.readerToken)
            #expect(byPhone.data == [])

            for query in ["per_page=0", "per_page=101", "page=0", "page=x", "email_consent=bogus", "email=nope"] {
                let response = try await client.call(.get, "/v1/contacts?\(query)", token: fixture.readerToken)
                #expect(response.status == .unprocessableContent, "\(query)")
            }
        }
    }

    @Test("the deprecated unsubscribe sets email unsubscribed idempotently, with Deprecation and Link headers")
    func deprecatedUnsubscribe() async throws {
        try await EdgeFixture.run { client, fixture in
            let id = try await client.createContact(#"{"email":"u@example.com","email_consent":"subscribed"}"#, token: fixture.writerToken)
            for _ in 0..<2 {
                let response = try await client.call(.post, "/v1/contacts/\(id)/unsubscribe", token: fixture.writerToken, body: #"{"reason":"too many emails"}"#)
                #expect(response.status == .ok)
                #expect(response.data["email_consent"]?.stringValue == "unsubscribed")
                #expect(response.headers[HTTPField.Name("Deprecation")!] == "true")
                #expect(response.headers[HTTPField.Name("Link")!] == "</v1/contacts/\(id)>; rel=\"successor-version\"")
            }
            let events = try await client.call(.get, "/v1/contacts/\(id)/consent_events", token: fixture.readerToken)
            #expect(events.data.arrayValue?.map { $0["source"]?.stringValue } == ["api", "unsubscribe"])
            let tooLong = try await client.call(.post, "/v1/contacts/\(id)/unsubscribe", token: fixture.writerToken, body: #"{"reason":"\#(String(repeating: "r", count: 501))"}"#)
            #expect(tooLong.status == .unprocessableContent)
        }
    }

    @Test("a suppressed contact written subscribed is unsuppressed first: two audit events with who and where")
    func suppressedAudit() async throws {
        try await EdgeFixture.run { client, fixture in
            let id = try await client.createContact(#"{"email":"s@example.com","email_consent":"suppressed"}"#, token: fixture.writerToken)
            let response = try await client.call(.patch, "/v1/contacts/\(id)", token: fixture.writerToken, body: #"{"email_consent":"subscribed"}"#)
            #expect(response.data["email_consent"]?.stringValue == "subscribed")
            let events = try #require(try await client.call(.get, "/v1/contacts/\(id)/consent_events", token: fixture.readerToken).data.arrayValue)
            #expect(events.map { [$0["from"]?.stringValue, $0["to"]?.stringValue] } == [
                ["never_subscribed", "suppressed"], ["suppressed", "never_subscribed"], ["never_subscribed", "subscribed"],
            ])
            let last = try #require(events.last)
            #expect(last["channel"]?.stringValue == "email")
            #expect(last["source"]?.stringValue == "api")
            #expect(last["client_ip"]?.stringValue == "127.0.0.1")
            #expect(last["token_id"]?.stringValue?.hasPrefix("tok_") == true)
            #expect(last["request_id"]?.stringValue == events[1]["request_id"]?.stringValue)
        }
    }

    @Test("compliance_suppressed: any write gets 422 naming the state and applies nothing; orders link but never change it; the system path lifts it")
    func complianceSuppressed() async throws {
        try await EdgeFixture.run { client, fixture in
            let id = try await client.createContact(#"{"email":"c@example.com","phone_number":"+15555550104","first_name":"Ann","tags":["a"]}"#, token: fixture.writerToken)
            let set = try await client.call(.post, "/v1/admin/contacts/\(id)/consent", token: fixture.adminToken, body: #"{"email_consent":"compliance_suppressed"}"#)
            #expect(set.data["email_consent"]?.stringValue == "compliance_suppressed")
            let before = try await client.call(.get, "/v1/contacts/\(id)", token: fixture.readerToken).data
            let writes = [
                #"{"email_consent":"subscribed","first_name":"X"}"#, #"{"sms_consent":"subscribed"}"#, #"{"first_name":"X"}"#, #"{"last_name":"Y"}"#,
                #"{"tags":["b"]}"#, #"{"tags":null}"#, #"{"custom_fields":{"k":1}}"#, "{}",
            ]
            for body in writes {
                let response = try await client.call(.patch, "/v1/contacts/\(id)", token: fixture.writerToken, body: body)
                #expect(response.status == .unprocessableContent, "\(body)")
                #expect(response.error["details"]?[0]?["field"]?.stringValue == "base", "\(body)")
                #expect(response.error["details"]?[0]?["message"]?.stringValue?.contains("compliance_suppressed") == true, "\(body)")
            }
            let unsubscribe = try await client.call(.post, "/v1/contacts/\(id)/unsubscribe", token: fixture.writerToken)
            #expect(unsubscribe.status == .unprocessableContent && unsubscribe.detailFields.first == "base")
            func order(_ id: Int) -> String {
                #"{"order_id":\#(id),"total":"5.00","currency":"USD","order_date":"2026-01-01T00:00:00Z","email":"c@example.com","accepts_email_marketing":true,"billing_address":{"first_name":"Other","last_name":"Name"}}"#
            }
            #expect(try await client.call(.post, "/v1/orders/placed", token: fixture.adminToken, body: order(7)).status == .created)
            let after = try await client.call(.get, "/v1/contacts/\(id)", token: fixture.readerToken).data
            #expect(after["order_stats"]?["orders_count"]?.intValue == 1, "the order links to the contact")
            for field in ["first_name", "last_name", "tags", "custom_fields", "email_consent", "sms_consent", "updated_at"] {
                #expect(after[field] == before[field], "\(field) changed: \(after.serializedString())")
            }
            let events = try await client.call(.get, "/v1/contacts/\(id)/consent_events", token: fixture.readerToken).data.arrayValue
            #expect(events?.last?["source"]?.stringValue == "upstream")

            // Not even a delete: the contact stays as it is (a create with its email is the usual 409).
            let delete = try await client.call(.delete, "/v1/contacts/\(id)", token: fixture.writerToken)
            #expect(delete.status == .unprocessableContent && delete.detailFields == ["base"])
            let recreate = try await client.call(.post, "/v1/contacts", token: fixture.writerToken, body: #"{"email":"c@example.com","first_name":"New"}"#)
            #expect(recreate.status == .conflict && recreate.error["id"]?.stringValue == id)
            #expect(try await client.call(.post, "/v1/orders/placed", token: fixture.adminToken, body: order(8)).status == .created)
            let still = try await client.call(.get, "/v1/contacts/\(id)", token: fixture.readerToken).data
            for field in ["first_name", "email_consent", "updated_at"] {
                #expect(still[field] == before[field], "\(field) changed: \(still.serializedString())")
            }
            #expect(try await client.call(.get, "/v1/orders/8", token: fixture.adminToken).data["contact_id"]?.stringValue == id)

            let lifted = try await client.call(.post, "/v1/contacts", token: fixture.writerToken, body: #"{"email":"d@example.com"}"#)
            let liftedID = try #require(lifted.data["id"]?.stringValue)
            _ = try await client.call(.post, "/v1/admin/contacts/\(liftedID)/consent", token: fixture.adminToken, body: #"{"email_consent":"compliance_suppressed"}"#)
            let unlocked = try await client.call(.post, "/v1/admin/contacts/\(liftedID)/consent", token: fixture.adminToken, body: #"{"email_consent":"unsubscribed"}"#)
            #expect(unlocked.data["email_consent"]?.stringValue == "unsubscribed")
            #expect(try await client.call(.patch, "/v1/contacts/\(liftedID)", token: fixture.writerToken, body: #"{"first_name":"Free"}"#).status == .ok)
        }
    }

    @Test("welcome SMS is recorded for the upstream only on a transition into subscribed, and never when declined")
    func welcomeSMS() async throws {
        try await EdgeFixture.run { client, fixture in
            let welcomed = try await client.createContact(#"{"phone_number":"+15555550110","sms_consent":"subscribed"}"#, token: fixture.writerToken)
            let declined = try await client.createContact(#"{"phone_number":"+15555550111","sms_consent":"subscribed","send_welcome_sms":false}"#, token: fixture.writerToken)
            let later = try await client.createContact(#"{"phone_number":"+15555550112","sms_consent":"single_opt_in"}"#, token: fixture.writerToken)
            _ = try await client.call(.patch, "/v1/contacts/\(later)", token: fixture.writerToken, body: #"{"sms_consent":"subscribed"}"#)
            _ = try await client.call(.patch, "/v1/contacts/\(later)", token: fixture.writerToken, body: #"{"sms_consent":"subscribed","first_name":"Again"}"#)
            let changes = try fixture.store.changes(after: 0, limit: 100)
            func welcomes(_ id: String) -> [Bool] {
                changes.filter { $0.entity == .contact(ContactID(validating: id)!) }.map { $0.flags.contains(.welcomeSMS) }
            }
            #expect(welcomes(welcomed) == [true])
            #expect(welcomes(declined) == [false])
            #expect(changes.first { $0.entity == .contact(ContactID(validating: declined)!) }?.flags.contains(.welcomeSMSDeclined) == true)
            #expect(welcomes(later) == [false, true, false])
        }
    }

    @Test("every change lands in the change log with exactly the fields that changed")
    func changeLogDeltas() async throws {
        try await EdgeFixture.run { client, fixture in
            let id = try await client.createContact(#"{"email":"ch@example.com","first_name":"A"}"#, token: fixture.writerToken)
            _ = try await client.call(.patch, "/v1/contacts/\(id)", token: fixture.writerToken, body: #"{"first_name":"B","tags":[]}"#)
            _ = try await client.call(.patch, "/v1/contacts/\(id)", token: fixture.writerToken, body: #"{"first_name":"B"}"#)
            _ = try await client.call(.delete, "/v1/contacts/\(id)", token: fixture.writerToken)
            let changes = try fixture.store.changes(after: 0, limit: 100)
            #expect(changes.map(\.sequence) == [1, 2, 3])
            #expect(changes[0].contactFields == [.email, .firstName])
            #expect(changes[0].flags.contains(.created))
            #expect(changes[1].contactFields == [.firstName])
            #expect(changes[2].flags.contains(.deleted))
        }
    }

    @Test("concurrent creates of the same email from many clients yield exactly one contact; the rest get 409")
    func concurrentCreates() async throws {
        try await EdgeFixture.run(setup: .ahc(.http)) { client, fixture in
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for n in 0..<64 {
                    group.addTask {
                        try await client.call(.post, "/v1/contacts", token: fixture.writerToken, body: #"{"email":"race@example.com","first_name":"\#(n)"}"#).status
                    }
                }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .created }.count == 1)
            #expect(statuses.filter { $0 == .conflict }.count == 63)
            #expect(try fixture.store.contacts.list(matching: .init()).totalCount == 1)
        }
    }
}
