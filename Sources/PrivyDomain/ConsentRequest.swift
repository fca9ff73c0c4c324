/// The consent a request asks for: a value per channel, or `nil` to leave that channel alone.
public struct ConsentRequest: Sendable, Hashable {
    /// The email consent to write, or `nil` to leave email consent alone.
    public var email: EmailConsent?
    /// The SMS consent to write, or `nil` to leave SMS consent alone.
    public var sms: SMSConsent?
    /// The request's `send_welcome_sms`: `false` suppresses the welcome SMS a transition into
    /// SMS `subscribed` would record.
    public var sendWelcomeSMS: Bool

    /// Creates a request.
    ///
    /// - Parameters:
    ///   - email: the email consent to write, or `nil`.
    ///   - sms: the SMS consent to write, or `nil`.
    ///   - sendWelcomeSMS: the request's `send_welcome_sms`, `true` by default as on the wire.
    public init(email: EmailConsent? = nil, sms: SMSConsent? = nil, sendWelcomeSMS: Bool = true) {
        self.email = email
        self.sms = sms
        self.sendWelcomeSMS = sendWelcomeSMS
    }
}
