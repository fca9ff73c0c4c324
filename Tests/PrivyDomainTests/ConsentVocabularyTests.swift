import PrivyDomain
import Testing

@Suite("Consent vocabularies")
struct ConsentVocabularyTests {
    @Test("email consent: wire strings and writability")
    func emailConsent() {
        let table: [(EmailConsent, String, Bool)] = [
            (.subscribed, "subscribed", true),
            (.unsubscribed, "unsubscribed", true),
            (.neverSubscribed, "never_subscribed", true),
            (.suppressed, "suppressed", true),
            (.complianceSuppressed, "compliance_suppressed", false),
        ]
        #expect(EmailConsent.allCases == table.map(\.0))
        for (value, wire, writable) in table {
            #expect(value.rawValue == wire)
            #expect(EmailConsent(rawValue: wire) == value)
            #expect(value.isWritable == writable, "\(value)")
        }
        #expect(EmailConsent(rawValue: "non_subscribed") == nil)
        #expect(EmailConsent(rawValue: "Subscribed") == nil)
    }

    @Test("SMS consent: wire strings, writability and phone requirement")
    func smsConsent() {
        let table: [(SMSConsent, String, Bool, Bool)] = [
            (.subscribed, "subscribed", true, true),
            (.unsubscribed, "unsubscribed", true, false),
            (.neverSubscribed, "never_subscribed", true, false),
            (.singleOptIn, "single_opt_in", true, true),
            (.pending, "pending", false, false),
        ]
        #expect(SMSConsent.allCases == table.map(\.0))
        for (value, wire, writable, needsPhone) in table {
            #expect(value.rawValue == wire)
            #expect(SMSConsent(rawValue: wire) == value)
            #expect(value.isWritable == writable, "\(value)")
            #expect(value.requiresPhoneNumber == needsPhone, "\(value)")
        }
        #expect(SMSConsent(rawValue: "suppressed") == nil)
    }

    @Test("channels and sources")
    func channelsAndSources() {
        #expect(ConsentChannel.allCases.map(\.rawValue) == ["email", "sms"])
        #expect(ConsentChannel.allCases.map(\.field) == ["email_consent", "sms_consent"])
        #expect(ConsentSource.allCases.map(\.rawValue) == ["api", "order", "violet", "unsubscribe", "import", "upstream"])
    }
}
