/// A contact's consent on both channels.
public struct ConsentState: Sendable, Hashable {
    /// Email marketing consent.
    public var email: EmailConsent
    /// SMS marketing consent.
    public var sms: SMSConsent

    /// Creates a state; a new contact starts at `never_subscribed` on both channels.
    ///
    /// - Parameters:
    ///   - email: email marketing consent.
    ///   - sms: SMS marketing consent.
    public init(email: EmailConsent = .neverSubscribed, sms: SMSConsent = .neverSubscribed) {
        self.email = email
        self.sms = sms
    }
}
