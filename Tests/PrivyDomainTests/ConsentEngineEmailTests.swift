import PrivyDomain
import Testing

@Suite("Consent engine: email")
struct ConsentEngineEmailTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var from: EmailConsent
        var to: EmailConsent
        var expected: ConsentExpectation

        init(_ from: EmailConsent, _ to: EmailConsent, _ expected: ConsentExpectation) {
            (self.from, self.to, self.expected) = (from, to, expected)
        }

        var testDescription: String {
            "\(from.rawValue) → \(to.rawValue): \(expected.testDescription)"
        }
    }

    static let merchantUpdates: [Row] = [
        Row(.subscribed, .subscribed, .unchanged),
        Row(.subscribed, .unsubscribed, .path("subscribed", "unsubscribed")),
        Row(.subscribed, .neverSubscribed, .path("subscribed", "never_subscribed")),
        Row(.subscribed, .suppressed, .path("subscribed", "suppressed")),
        Row(.subscribed, .complianceSuppressed, .readOnly),
        Row(.unsubscribed, .subscribed, .path("unsubscribed", "subscribed")),
        Row(.unsubscribed, .unsubscribed, .unchanged),
        Row(.unsubscribed, .neverSubscribed, .path("unsubscribed", "never_subscribed")),
        Row(.unsubscribed, .suppressed, .path("unsubscribed", "suppressed")),
        Row(.unsubscribed, .complianceSuppressed, .readOnly),
        Row(.neverSubscribed, .subscribed, .path("never_subscribed", "subscribed")),
        Row(.neverSubscribed, .unsubscribed, .path("never_subscribed", "unsubscribed")),
        Row(.neverSubscribed, .neverSubscribed, .unchanged),
        Row(.neverSubscribed, .suppressed, .path("never_subscribed", "suppressed")),
        Row(.neverSubscribed, .complianceSuppressed, .readOnly),
        Row(.suppressed, .subscribed, .path("suppressed", "never_subscribed", "subscribed")),
        Row(.suppressed, .unsubscribed, .path("suppressed", "never_subscribed", "unsubscribed")),
        Row(.suppressed, .neverSubscribed, .path("suppressed", "never_subscribed")),
        Row(.suppressed, .suppressed, .unchanged),
        Row(.suppressed, .complianceSuppressed, .readOnly),
        Row(.complianceSuppressed, .subscribed, .blocked),
        Row(.complianceSuppressed, .unsubscribed, .blocked),
        Row(.complianceSuppressed, .neverSubscribed, .blocked),
        Row(.complianceSuppressed, .suppressed, .blocked),
        Row(.complianceSuppressed, .complianceSuppressed, .readOnly),
    ]

    static let upstreamUpdates: [Row] = [
        Row(.subscribed, .subscribed, .unchanged),
        Row(.subscribed, .unsubscribed, .path("subscribed", "unsubscribed")),
        Row(.subscribed, .neverSubscribed, .path("subscribed", "never_subscribed")),
        Row(.subscribed, .suppressed, .path("subscribed", "suppressed")),
        Row(.subscribed, .complianceSuppressed, .path("subscribed", "compliance_suppressed")),
        Row(.unsubscribed, .subscribed, .path("unsubscribed", "subscribed")),
        Row(.unsubscribed, .unsubscribed, .unchanged),
        Row(.unsubscribed, .neverSubscribed, .path("unsubscribed", "never_subscribed")),
        Row(.unsubscribed, .suppressed, .path("unsubscribed", "suppressed")),
        Row(.unsubscribed, .complianceSuppressed, .path("unsubscribed", "compliance_suppressed")),
        Row(.neverSubscribed, .subscribed, .path("never_subscribed", "subscribed")),
        Row(.neverSubscribed, .unsubscribed, .path("never_subscribed", "unsubscribed")),
        Row(.neverSubscribed, .neverSubscribed, .unchanged),
        Row(.neverSubscribed, .suppressed, .path("never_subscribed", "suppressed")),
        Row(.neverSubscribed, .complianceSuppressed, .path("never_subscribed", "compliance_suppressed")),
        Row(.suppressed, .subscribed, .path("suppressed", "never_subscribed", "subscribed")),
        Row(.suppressed, .unsubscribed, .path("suppressed", "never_subscribed", "unsubscribed")),
        Row(.suppressed, .neverSubscribed, .path("suppressed", "never_subscribed")),
        Row(.suppressed, .suppressed, .unchanged),
        Row(.suppressed, .complianceSuppressed, .path("suppressed", "never_subscribed", "compliance_suppressed")),
        Row(.complianceSuppressed, .subscribed, .path("compliance_suppressed", "subscribed")),
        Row(.complianceSuppressed, .unsubscribed, .path("compliance_suppressed", "unsubscribed")),
        Row(.complianceSuppressed, .neverSubscribed, .path("compliance_suppressed", "never_subscribed")),
        Row(.complianceSuppressed, .suppressed, .path("compliance_suppressed", "suppressed")),
        Row(.complianceSuppressed, .complianceSuppressed, .unchanged),
    ]

    static let merchantCreates: [Row] = [
        Row(.neverSubscribed, .subscribed, .path("never_subscribed", "subscribed")),
        Row(.neverSubscribed, .unsubscribed, .path("never_subscribed", "unsubscribed")),
        Row(.neverSubscribed, .neverSubscribed, .unchanged),
        Row(.neverSubscribed, .suppressed, .path("never_subscribed", "suppressed")),
        Row(.neverSubscribed, .complianceSuppressed, .readOnly),
    ]

    static let upstreamCreates: [Row] = [
        Row(.neverSubscribed, .subscribed, .path("never_subscribed", "subscribed")),
        Row(.neverSubscribed, .unsubscribed, .path("never_subscribed", "unsubscribed")),
        Row(.neverSubscribed, .neverSubscribed, .unchanged),
        Row(.neverSubscribed, .suppressed, .path("never_subscribed", "suppressed")),
        Row(.neverSubscribed, .complianceSuppressed, .path("never_subscribed", "compliance_suppressed")),
    ]

    @Test("the tables cover every pair of values")
    func tablesAreExhaustive() {
        let allPairs = Set(EmailConsent.allCases.flatMap { from in EmailConsent.allCases.map { "\(from)→\($0)" } })
        #expect(Set(Self.merchantUpdates.map { "\($0.from)→\($0.to)" }) == allPairs)
        #expect(Set(Self.upstreamUpdates.map { "\($0.from)→\($0.to)" }) == allPairs)
        #expect(Self.merchantUpdates.count == 25 && Self.upstreamUpdates.count == 25)
        #expect(Set(Self.merchantCreates.map(\.to)) == Set(EmailConsent.allCases))
        #expect(Set(Self.upstreamCreates.map(\.to)) == Set(EmailConsent.allCases))
    }

    @Test("update through a merchant source", arguments: merchantUpdates, merchantSources)
    func merchantUpdate(row: Row, source: ConsentSource) {
        Self.check(row, source: source, isCreate: false)
    }

    @Test("update through the upstream source", arguments: upstreamUpdates, [true, false])
    func upstreamUpdate(row: Row, hasPhone: Bool) {
        Self.check(row, source: .upstream, isCreate: false, hasPhone: hasPhone)
    }

    @Test("create through a merchant source", arguments: merchantCreates, merchantSources)
    func merchantCreate(row: Row, source: ConsentSource) {
        Self.check(row, source: source, isCreate: true)
    }

    @Test("create through the upstream source", arguments: upstreamCreates)
    func upstreamCreate(row: Row) {
        Self.check(row, source: .upstream, isCreate: true)
    }

    @Test("the phone number does not matter to email", arguments: merchantUpdates)
    func phoneIsIrrelevant(row: Row) {
        Self.check(row, source: .api, isCreate: false, hasPhone: true)
    }

    private static func check(_ row: Row, source: ConsentSource, isCreate: Bool, hasPhone: Bool = false) {
        let current = ConsentState(email: row.from, sms: .neverSubscribed)
        let result = ConsentEngine.apply(
            ConsentRequest(email: row.to),
            to: current,
            context: ConsentContext(isCreate: isCreate, hasPhone: hasPhone, source: source)
        )
        row.expected.verify(
            result,
            channel: .email,
            current: current,
            applied: ConsentState(email: row.to, sms: .neverSubscribed),
            welcomeExpected: false
        )
    }
}
