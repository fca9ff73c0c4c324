import PrivyDomain
@testable import PrivyStore
import Testing

/// Every record the store keeps goes through one checked decode: it reads back what it wrote,
/// and a layout version this build does not read is an error naming the record's table.
@Suite("Stored records")
struct StoredRecordTests {
    /// One record of a kind, with its checks.
    struct Sample: Sendable, CustomTestStringConvertible {
        let table: String
        let check: @Sendable () throws -> Void

        init<Record: StoredRecord & Hashable & Sendable>(_ record: Record) {
            table = Record.table
            check = {
                let bytes = record.encoded()
                #expect(bytes.first == Record.layoutVersion)
                let decoded = try bytes.withUnsafeBytes(Record.init(decoding:))
                #expect(decoded == record)
                var newer = bytes
                newer[0] = Record.layoutVersion + 1
                let error = #expect(throws: CorruptRecord.self) { try newer.withUnsafeBytes(Record.init(decoding:)) }
                #expect(error?.description == "corrupt record: \(Record.table): a record of layout version \(Record.layoutVersion + 1); this build reads version \(Record.layoutVersion)")
            }
        }

        var testDescription: String { table }
    }

    static let at = Timestamp(rfc3339: "2026-06-22T10:00:00Z")!
    static let contactID = ContactID(validating: "cus_0123456789abcdef")!
    static let orderID = OrderID(parsing: "1001")!

    static let samples: [Sample] = {
        var pull = PullState()
        pull.startedAt = at
        pull.calls = 3
        var sync = SyncState()
        sync.checkpoint = 42
        sync.lastFailure = "unreachable"
        let change = Change(sequence: 7, entity: .contact(contactID), contactFields: [.email, .emailConsent], flags: [], source: .api, at: at)
        return [
            Sample(Contact(id: contactID, sequence: 1, firstName: "Ann", email: EmailAddress(validating: "ann@example.com"), tags: ["vip"], customFields: ["plan": .string("gold")], createdAt: at)),
            Sample(Order(id: orderID, email: EmailAddress(validating: "ann@example.com"), phone: nil, total: Money("59.97")!, currency: CurrencyCode(validating: "USD")!, placedAt: at, contactID: contactID, createdAt: at, updatedAt: at)),
            Sample(OrderStats(totalSpent: [.init(currency: CurrencyCode(validating: "USD")!, amount: Money("59.97")!, orders: 1)], firstOrderAt: at, lastOrderAt: at)),
            Sample(AuditedConsentEvent(event: ConsentEvent(channel: .email, from: "never_subscribed", to: "subscribed"), source: .api, requestID: "req_1", tokenID: "tok_1", clientIP: "127.0.0.1", at: at)),
            Sample(change),
            Sample(DeadLetter(id: 1, changes: [change], rejection: UpstreamRejection(request: "POST /v1/contacts", status: 422, body: "{}"), at: at)),
            Sample(APIToken(id: "tok_1", name: "till", scopes: [.contactsRead], origin: .operator_, createdAt: at, expiresAt: nil, revokedAt: nil, digest: [1, 2, 3])),
            Sample(OAuthClient(id: "cli_1", name: "kiosk", scopes: [.ordersWrite], createdAt: at, secretDigest: [4, 5, 6])),
            Sample(Integration(id: "int_0123456789ab", name: "Shop", token: "pit_0", createdAt: at)),
            Sample(VioletBag(appOrderID: "app-1", index: 0, orderID: orderID, platform: "shopify", preferences: [
                .orderConfirmation: ResolvedPreference(requested: nil, result: .notApplied),
                .orderFulfillment: ResolvedPreference(requested: .noOptIn, result: .noOptIn),
                .marketing: ResolvedPreference(requested: .optIn, result: .optIn),
            ])),
            Sample(pull),
            Sample(sync),
            Sample(ExporterMode.on(upstream: "https://api.privy.com/v1")),
        ]
    }()

    @Test("a record reads back what it wrote; a newer layout version is refused, naming the table", arguments: samples)
    func checkedDecode(sample: Sample) throws {
        try sample.check()
    }
}
