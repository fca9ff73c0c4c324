public import PrivyDomain

/// An upstream contact as the consent pull and the 409 adoption read it: its id, what a local
/// contact can be matched on, and its consent.
public struct UpstreamConsent: Sendable, Hashable {
    /// The upstream contact's id.
    public var upstreamID: String
    /// Its email, if any.
    public var email: EmailAddress?
    /// Its phone number, if any.
    public var phoneNumber: PhoneNumber?
    /// Its email consent; `nil` when the answer had none the edge knows.
    public var emailConsent: EmailConsent?
    /// Its SMS consent; `nil` when the answer had none the edge knows.
    public var smsConsent: SMSConsent?

    /// Creates an upstream contact's consent.
    public init(upstreamID: String, email: EmailAddress?, phoneNumber: PhoneNumber?, emailConsent: EmailConsent?, smsConsent: SMSConsent?) {
        self.upstreamID = upstreamID
        self.email = email
        self.phoneNumber = phoneNumber
        self.emailConsent = emailConsent
        self.smsConsent = smsConsent
    }

    /// The consent that restricts messaging, which the pull brings down: email `unsubscribed`,
    /// `suppressed` or `compliance_suppressed`; SMS `unsubscribed` or `pending`. Anything else is
    /// left out (`nil`): a pull never raises consent.
    public var restrictions: ConsentRequest {
        ConsentRequest(
            email: emailConsent.flatMap { Self.restrictingEmail.contains($0) ? $0 : nil },
            sms: smsConsent.flatMap { Self.restrictingSMS.contains($0) ? $0 : nil }
        )
    }

    /// Email values that restrict messaging.
    public static let restrictingEmail: [EmailConsent] = [.unsubscribed, .suppressed, .complianceSuppressed]
    /// SMS values that restrict messaging.
    public static let restrictingSMS: [SMSConsent] = [.unsubscribed, .pending]
}
