import PrivyDomain
import Testing

@Suite("Consent engine: SMS")
struct ConsentEngineSMSTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var from: SMSConsent
        var to: SMSConsent
        var withPhone: ConsentExpectation
        var withoutPhone: ConsentExpectation

        init(_ from: SMSConsent, _ to: SMSConsent, _ withPhone: ConsentExpectation, _ withoutPhone: ConsentExpectation) {
            (self.from, self.to, self.withPhone, self.withoutPhone) = (from, to, withPhone, withoutPhone)
        }

        var testDescription: String {
            "\(from.rawValue) → \(to.rawValue): \(withPhone.testDescription) / no phone: \(withoutPhone.testDescription)"
        }
    }

    static let merchantUpdates: [Row] = [
        Row(.subscribed, .subscribed, .unchanged, .needsPhone),
        Row(.subscribed, .unsubscribed, .path("subscribed", "unsubscribed"), .path("subscribed", "unsubscribed")),
        Row(.subscribed, .neverSubscribed, .path("subscribed", "never_subscribed"), .path("subscribed", "never_subscribed")),
        Row(.subscribed, .singleOptIn, .path("subscribed", "single_opt_in"), .needsPhone),
        Row(.subscribed, .pending, .readOnly, .readOnly),
        Row(.unsubscribed, .subscribed, .welcome("unsubscribed", "subscribed"), .needsPhone),
        Row(.unsubscribed, .unsubscribed, .unchanged, .unchanged),
        Row(.unsubscribed, .neverSubscribed, .path("unsubscribed", "never_subscribed"), .path("unsubscribed", "never_subscribed")),
        Row(.unsubscribed, .singleOptIn, .path("unsubscribed", "single_opt_in"), .needsPhone),
        Row(.unsubscribed, .pending, .readOnly, .readOnly),
        Row(.neverSubscribed, .subscribed, .welcome("never_subscribed", "subscribed"), .needsPhone),
        Row(.neverSubscribed, .unsubscribed, .path("never_subscribed", "unsubscribed"), .path("never_subscribed", "unsubscribed")),
        Row(.neverSubscribed, .neverSubscribed, .unchanged, .unchanged),
        Row(.neverSubscribed, .singleOptIn, .path("never_subscribed", "single_opt_in"), .needsPhone),
        Row(.neverSubscribed, .pending, .readOnly, .readOnly),
        Row(.singleOptIn, .subscribed, .welcome("single_opt_in", "subscribed"), .needsPhone),
        Row(.singleOptIn, .unsubscribed, .path("single_opt_in", "unsubscribed"), .path("single_opt_in", "unsubscribed")),
        Row(.singleOptIn, .neverSubscribed, .path("single_opt_in", "never_subscribed"), .path("single_opt_in", "never_subscribed")),
        Row(.singleOptIn, .singleOptIn, .unchanged, .needsPhone),
        Row(.singleOptIn, .pending, .readOnly, .readOnly),
        Row(.pending, .subscribed, .welcome("pending", "subscribed"), .needsPhone),
        Row(.pending, .unsubscribed, .path("pending", "unsubscribed"), .path("pending", "unsubscribed")),
        Row(.pending, .neverSubscribed, .path("pending", "never_subscribed"), .path("pending", "never_subscribed")),
        Row(.pending, .singleOptIn, .path("pending", "single_opt_in"), .needsPhone),
        Row(.pending, .pending, .readOnly, .readOnly),
    ]

    static let upstreamUpdates: [Row] = [
        Row(.subscribed, .subscribed, .unchanged, .needsPhone),
        Row(.subscribed, .unsubscribed, .path("subscribed", "unsubscribed"), .path("subscribed", "unsubscribed")),
        Row(.subscribed, .neverSubscribed, .path("subscribed", "never_subscribed"), .path("subscribed", "never_subscribed")),
        Row(.subscribed, .singleOptIn, .path("subscribed", "single_opt_in"), .needsPhone),
        Row(.subscribed, .pending, .path("subscribed", "pending"), .path("subscribed", "pending")),
        Row(.unsubscribed, .subscribed, .path("unsubscribed", "subscribed"), .needsPhone),
        Row(.unsubscribed, .unsubscribed, .unchanged, .unchanged),
        Row(.unsubscribed, .neverSubscribed, .path("unsubscribed", "never_subscribed"), .path("unsubscribed", "never_subscribed")),
        Row(.unsubscribed, .singleOptIn, .path("unsubscribed", "single_opt_in"), .needsPhone),
        Row(.unsubscribed, .pending, .path("unsubscribed", "pending"), .path("unsubscribed", "pending")),
        Row(.neverSubscribed, .subscribed, .path("never_subscribed", "subscribed"), .needsPhone),
        Row(.neverSubscribed, .unsubscribed, .path("never_subscribed", "unsubscribed"), .path("never_subscribed", "unsubscribed")),
        Row(.neverSubscribed, .neverSubscribed, .unchanged, .unchanged),
        Row(.neverSubscribed, .singleOptIn, .path("never_subscribed", "single_opt_in"), .needsPhone),
        Row(.neverSubscribed, .pending, .path("never_subscribed", "pending"), .path("never_subscribed", "pending")),
        Row(.singleOptIn, .subscribed, .path("single_opt_in", "subscribed"), .needsPhone),
        Row(.singleOptIn, .unsubscribed, .path("single_opt_in", "unsubscribed"), .path("single_opt_in", "unsubscribed")),
        Row(.singleOptIn, .neverSubscribed, .path("single_opt_in", "never_subscribed"), .path("single_opt_in", "never_subscribed")),
        Row(.singleOptIn, .singleOptIn, .unchanged, .needsPhone),
        Row(.singleOptIn, .pending, .path("single_opt_in", "pending"), .path("single_opt_in", "pending")),
        Row(.pending, .subscribed, .path("pending", "subscribed"), .needsPhone),
        Row(.pending, .unsubscribed, .path("pending", "unsubscribed"), .path("pending", "unsubscribed")),
        Row(.pending, .neverSubscribed, .path("pending", "never_subscribed"), .path("pending", "never_subscribed")),
        Row(.pending, .singleOptIn, .path("pending", "single_opt_in"), .needsPhone),
        Row(.pending, .pending, .unchanged, .unchanged),
    ]

    static let merchantCreates: [Row] = [
        Row(.neverSubscribed, .subscribed, .welcome("never_subscribed", "subscribed"), .needsPhone),
        Row(.neverSubscribed, .unsubscribed, .noOptOutOnCreate, .noOptOutOnCreate),
        Row(.neverSubscribed, .neverSubscribed, .unchanged, .unchanged),
        Row(.neverSubscribed, .singleOptIn, .path("never_subscribed", "single_opt_in"), .needsPhone),
        Row(.neverSubscribed, .pending, .readOnly, .readOnly),
    ]

    static let upstreamCreates: [Row] = [
        Row(.neverSubscribed, .subscribed, .path("never_subscribed", "subscribed"), .needsPhone),
        Row(.neverSubscribed, .unsubscribed, .path("never_subscribed", "unsubscribed"), .path("never_subscribed", "unsubscribed")),
        Row(.neverSubscribed, .neverSubscribed, .unchanged, .unchanged),
        Row(.neverSubscribed, .singleOptIn, .path("never_subscribed", "single_opt_in"), .needsPhone),
        Row(.neverSubscribed, .pending, .path("never_subscribed", "pending"), .path("never_subscribed", "pending")),
    ]

    @Test("the tables cover every pair of values")
    func tablesAreExhaustive() {
        let allPairs = Set(SMSConsent.allCases.flatMap { from in SMSConsent.allCases.map { "\(from)→\($0)" } })
        #expect(Set(Self.merchantUpdates.map { "\($0.from)→\($0.to)" }) == allPairs)
        #expect(Set(Self.upstreamUpdates.map { "\($0.from)→\($0.to)" }) == allPairs)
        #expect(Self.merchantUpdates.count == 25 && Self.upstreamUpdates.count == 25)
        #expect(Set(Self.merchantCreates.map(\.to)) == Set(SMSConsent.allCases))
        #expect(Set(Self.upstreamCreates.map(\.to)) == Set(SMSConsent.allCases))
    }

    @Test("update through a merchant source", arguments: merchantUpdates, merchantSources)
    func merchantUpdate(row: Row, source: ConsentSource) {
        Self.check(row, source: source, isCreate: false)
    }

    @Test("update through the upstream source", arguments: upstreamUpdates)
    func upstreamUpdate(row: Row) {
        Self.check(row, source: .upstream, isCreate: false)
    }

    @Test("create through a merchant source", arguments: merchantCreates, merchantSources)
    func merchantCreate(row: Row, source: ConsentSource) {
        Self.check(row, source: source, isCreate: true)
    }

    @Test("create through the upstream source", arguments: upstreamCreates)
    func upstreamCreate(row: Row) {
        Self.check(row, source: .upstream, isCreate: true)
    }

    @Test("send_welcome_sms false on update records the change but no welcome SMS", arguments: merchantUpdates)
    func welcomeOptOutOnUpdate(row: Row) {
        Self.check(row, source: .api, isCreate: false, sendWelcomeSMS: false)
    }

    @Test("send_welcome_sms false on create records the change but no welcome SMS", arguments: merchantCreates)
    func welcomeOptOutOnCreate(row: Row) {
        Self.check(row, source: .api, isCreate: true, sendWelcomeSMS: false)
    }

    /// Runs `row` with and without a phone; a welcome SMS is expected only via the API when the request allows it.
    private static func check(_ row: Row, source: ConsentSource, isCreate: Bool, sendWelcomeSMS: Bool = true) {
        for (hasPhone, expected) in [(true, row.withPhone), (false, row.withoutPhone)] {
            let current = ConsentState(email: .subscribed, sms: row.from)
            let result = ConsentEngine.apply(
                ConsentRequest(sms: row.to, sendWelcomeSMS: sendWelcomeSMS),
                to: current,
                context: ConsentContext(isCreate: isCreate, hasPhone: hasPhone, source: source)
            )
            expected.verify(
                result,
                channel: .sms,
                current: current,
                applied: ConsentState(email: .subscribed, sms: row.to),
                welcomeExpected: source == .api && sendWelcomeSMS
            )
        }
    }
}
