import PrivyDomain
import Testing

@Suite("Consent engine: both channels")
struct ConsentEngineTests {
    static let api = ConsentContext(isCreate: false, hasPhone: true, source: .api)

    @Test("compliance suppression blocks every SMS write through a merchant source", arguments: SMSConsent.allCases, merchantSources)
    func complianceSuppressionBlocksSMS(value: SMSConsent, source: ConsentSource) {
        let result = ConsentEngine.apply(
            ConsentRequest(sms: value),
            to: ConsentState(email: .complianceSuppressed, sms: .neverSubscribed),
            context: ConsentContext(isCreate: false, hasPhone: true, source: source)
        )
        let message = value == .pending ? "is read-only" : "cannot be changed while email consent is compliance_suppressed"
        #expect(result.details == [.on("sms_consent", message)])
    }

    @Test("the upstream source may change SMS consent of a compliance-suppressed contact", arguments: SMSConsent.allCases)
    func upstreamChangesSMSOfComplianceSuppressed(value: SMSConsent) throws {
        let current = ConsentState(email: .complianceSuppressed, sms: .neverSubscribed)
        let transition = try ConsentEngine.apply(
            ConsentRequest(sms: value),
            to: current,
            context: ConsentContext(isCreate: false, hasPhone: true, source: .upstream)
        ).get()
        #expect(transition.state == ConsentState(email: .complianceSuppressed, sms: value))
        let events = value == .neverSubscribed ? [] : [ConsentEvent(channel: .sms, from: "never_subscribed", to: value.rawValue)]
        #expect(transition.events == events)
        #expect(transition.effects == [])
    }

    @Test("compliance suppression rejects a request on both channels, applying nothing")
    func complianceSuppressionBlocksBothChannels() {
        let result = ConsentEngine.apply(
            ConsentRequest(email: .subscribed, sms: .subscribed),
            to: ConsentState(email: .complianceSuppressed, sms: .neverSubscribed),
            context: Self.api
        )
        #expect(
            result.details == [
                .on("email_consent", "cannot be changed while email consent is compliance_suppressed"),
                .on("sms_consent", "cannot be changed while email consent is compliance_suppressed"),
            ]
        )
    }

    @Test("a request that writes no consent passes even for a compliance-suppressed contact")
    func emptyRequestPasses() throws {
        let current = ConsentState(email: .complianceSuppressed, sms: .pending)
        let transition = try ConsentEngine.apply(ConsentRequest(), to: current, context: Self.api).get()
        #expect(transition.state == current)
        #expect(transition.events.isEmpty)
        #expect(transition.effects.isEmpty)
    }

    @Test("violations of both channels are collected in one failure, email first")
    func collectsBothChannels() {
        let result = ConsentEngine.apply(
            ConsentRequest(email: .complianceSuppressed, sms: .singleOptIn),
            to: ConsentState(),
            context: ConsentContext(isCreate: true, hasPhone: false, source: .api)
        )
        #expect(result.details == [.on("email_consent", "is read-only"), .on("sms_consent", "requires a phone number")])
    }

    @Test("a violation on one channel stops the valid write on the other")
    func oneViolationStopsEverything() {
        let result = ConsentEngine.apply(ConsentRequest(email: .subscribed, sms: .pending), to: ConsentState(), context: Self.api)
        #expect(result.details == [.on("sms_consent", "is read-only")])
    }

    @Test("each channel reports only its first broken rule")
    func firstRuleOnly() {
        let result = ConsentEngine.apply(
            ConsentRequest(sms: .pending),
            to: ConsentState(email: .complianceSuppressed, sms: .neverSubscribed),
            context: ConsentContext(isCreate: true, hasPhone: false, source: .api)
        )
        #expect(result.details == [.on("sms_consent", "is read-only")])
    }

    @Test("unsuppressing email and subscribing SMS in one request: email events first, then SMS, then the welcome")
    func combinedWrite() throws {
        let transition = try ConsentEngine.apply(
            ConsentRequest(email: .subscribed, sms: .subscribed),
            to: ConsentState(email: .suppressed, sms: .singleOptIn),
            context: Self.api
        ).get()
        #expect(transition.state == ConsentState(email: .subscribed, sms: .subscribed))
        #expect(
            transition.events == [
                ConsentEvent(channel: .email, from: "suppressed", to: "never_subscribed"),
                ConsentEvent(channel: .email, from: "never_subscribed", to: "subscribed"),
                ConsentEvent(channel: .sms, from: "single_opt_in", to: "subscribed"),
            ]
        )
        #expect(transition.effects == [.welcomeSMS])
    }

    @Test("a contact already subscribed to SMS is never messaged again")
    func alreadySubscribedIsNotMessaged() throws {
        let current = ConsentState(email: .neverSubscribed, sms: .subscribed)
        let transition = try ConsentEngine.apply(ConsentRequest(sms: .subscribed), to: current, context: Self.api).get()
        #expect(transition.state == current)
        #expect(transition.events.isEmpty)
        #expect(transition.effects.isEmpty)
    }

    @Test("only the API source records a welcome SMS", arguments: ConsentSource.allCases)
    func welcomeOnlyViaAPI(source: ConsentSource) throws {
        let transition = try ConsentEngine.apply(
            ConsentRequest(sms: .subscribed),
            to: ConsentState(),
            context: ConsentContext(isCreate: true, hasPhone: true, source: source)
        ).get()
        #expect(transition.events == [ConsentEvent(channel: .sms, from: "never_subscribed", to: "subscribed")])
        #expect(transition.effects == (source == .api ? [.welcomeSMS] : []))
    }
}
