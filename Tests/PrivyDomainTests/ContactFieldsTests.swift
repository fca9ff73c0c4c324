import PrivyDomain
import Testing

@Suite("ContactFields")
struct ContactFieldsTests {
    static let base = Contact(
        id: .sample,
        sequence: 1,
        firstName: "Ada",
        email: EmailAddress(validating: "ada@example.com"),
        tags: ["vip"],
        createdAt: Instants.created
    )

    static let changes: [(ContactFields, @Sendable (inout Contact) -> Void)] = [
        (.firstName, { $0.firstName = "Grace" }),
        (.lastName, { $0.lastName = "Lovelace" }),
        (.email, { $0.email = EmailAddress(validating: "ADA@example.com") }),
        (.phoneNumber, { $0.phoneNumber = PhoneNumber(validating: "+15555550123") }),
        (.emailConsent, { $0.emailConsent = .subscribed }),
        (.smsConsent, { $0.smsConsent = .unsubscribed }),
        (.tags, { $0.tags = ["vip", "new"] }),
        (.customFields, { $0.customFields = ["a": .null] }),
        (.deleted, { $0.deletedAt = Instants.later }),
    ]

    @Test("names exactly the one field that differs", arguments: changes)
    func namesTheChangedField(field: ContactFields, change: @Sendable (inout Contact) -> Void) {
        var after = Self.base
        change(&after)
        #expect(ContactFields(changedFrom: Self.base, to: after) == field)
        #expect(ContactFields(changedFrom: after, to: Self.base) == field)
    }

    @Test("ignores bookkeeping: timestamps, sequence and custom field order")
    func ignoresBookkeeping() {
        var after = Self.base
        after.updatedAt = Instants.later
        after.emailConsentUpdatedAt = Instants.later
        after.sequence = 9
        #expect(ContactFields(changedFrom: Self.base, to: after).isEmpty)
        var ordered = Self.base
        ordered.customFields = ["a": .null, "b": .bool(true)]
        var reordered = Self.base
        reordered.customFields = ["b": .bool(true), "a": .null]
        #expect(ContactFields(changedFrom: ordered, to: reordered).isEmpty)
    }

    @Test("every field has its own bit")
    func distinctBits() {
        let all = Self.changes.map(\.0)
        #expect(Set(all.map(\.rawValue)).count == 9)
        #expect(all.allSatisfy { $0.rawValue.nonzeroBitCount == 1 })
    }
}
