/// The consent rules of the contract, as a pure transition function.
public enum ConsentEngine {
    /// Applies a consent request to a contact's consent.
    ///
    /// A channel whose request value is `nil` is not written. Each written channel is checked against
    /// the rules below, in this order, and reports at most one ``FieldError`` (field `email_consent` or
    /// `sms_consent`): the first rule it breaks. The violations of both channels are collected into one
    /// ``ValidationFailure``, and any violation means nothing of the request is applied.
    ///
    /// 1. **Read-only value.** Writing `compliance_suppressed` (email) or `pending` (SMS) fails with
    ///    `is read-only`, unless the source is ``ConsentSource/upstream``. The check looks at the requested
    ///    value only, so rewriting a contact's current read-only value fails too.
    /// 2. **Compliance suppression.** Writing either channel of a contact whose email consent is
    ///    `compliance_suppressed` fails with `cannot be changed while email consent is compliance_suppressed`,
    ///    even when the value equals the current one, unless the source is ``ConsentSource/upstream``
    ///    (so the system can lift the suppression).
    /// 3. **No SMS opt-out on create.** On create, SMS `unsubscribed` fails with
    ///    `cannot be unsubscribed on a new contact` (there is no consent to revoke), unless the source is
    ///    ``ConsentSource/upstream``, which mirrors state that exists elsewhere.
    /// 4. **Phone for SMS opt-ins.** SMS `subscribed` or `single_opt_in` fails with `requires a phone number`
    ///    when ``ConsentContext/hasPhone`` is false, whatever the source.
    ///
    /// A valid request then moves each written channel:
    /// - Writing a channel's current value changes nothing and records no event.
    /// - Writing any other value records one event `from → to`, except that an email write to a
    ///   `suppressed` contact unsuppresses it first: `suppressed → never_subscribed`, then
    ///   `never_subscribed → value` when the value is not `never_subscribed` (two events for
    ///   `subscribed`, `unsubscribed` or `compliance_suppressed`; one for `never_subscribed`).
    /// - A welcome SMS (``ConsentEffect/welcomeSMS``) is recorded when SMS consent moves into `subscribed`
    ///   from any other value, the source is ``ConsentSource/api``, and ``ConsentRequest/sendWelcomeSMS`` is
    ///   true. A contact already subscribed is never messaged again.
    ///
    /// - Parameters:
    ///   - request: the consent values to write.
    ///   - current: the contact's consent before the request; `never_subscribed` on both channels for a
    ///     new contact.
    ///   - context: whether this is a create, whether the resulting contact has a phone, and the source.
    /// - Returns: the new state with its events and effects, or every violation of the request.
    public static func apply(
        _ request: ConsentRequest,
        to current: ConsentState,
        context: ConsentContext
    ) -> Result<ConsentTransition, ValidationFailure> {
        var violations: [FieldError] = []
        if let email = request.email, let message = protectionMessage(writing: email, to: current, source: context.source) {
            violations.append(FieldError(field: ConsentChannel.email.field, message: message))
        }
        if let sms = request.sms,
            let message = protectionMessage(writing: sms, to: current, source: context.source)
                ?? smsMessage(writing: sms, context: context)
        {
            violations.append(FieldError(field: ConsentChannel.sms.field, message: message))
        }
        guard violations.isEmpty else {
            return .failure(ValidationFailure(details: violations))
        }
        var transition = ConsentTransition(state: current, events: [], effects: [])
        if let email = request.email {
            transition.state.email = email
            let stops = current.email == .suppressed ? [current.email, .neverSubscribed, email] : [current.email, email]
            transition.events += events(along: stops)
        }
        if let sms = request.sms {
            transition.state.sms = sms
            transition.events += events(along: [current.sms, sms])
            if sms == .subscribed, current.sms != .subscribed, context.source == .api, request.sendWelcomeSMS {
                transition.effects.append(.welcomeSMS)
            }
        }
        return .success(transition)
    }

    /// Rules 1 and 2, common to both channels: the message of the first one writing `value` breaks.
    private static func protectionMessage<Value: ConsentValue>(
        writing value: Value,
        to current: ConsentState,
        source: ConsentSource
    ) -> String? {
        guard !source.isSystem else { return nil }
        if !value.isWritable {
            return "is read-only"
        }
        if current.email == .complianceSuppressed {
            return "cannot be changed while email consent is compliance_suppressed"
        }
        return nil
    }

    /// Rules 3 and 4, about SMS only: the message of the first one writing `sms` breaks.
    private static func smsMessage(writing sms: SMSConsent, context: ConsentContext) -> String? {
        if context.isCreate, sms == .unsubscribed, !context.source.isSystem {
            return "cannot be unsubscribed on a new contact"
        }
        if sms.requiresPhoneNumber, !context.hasPhone {
            return "requires a phone number"
        }
        return nil
    }

    /// One event per step between consecutive distinct values of `stops`; none if the first and
    /// last stops are equal (writing the current value, including `suppressed` over `suppressed`).
    private static func events<Value: ConsentValue>(along stops: [Value]) -> [ConsentEvent] {
        guard stops.first != stops.last else { return [] }
        return zip(stops, stops.dropFirst()).filter { $0 != $1 }.map { ConsentEvent(from: $0, to: $1) }
    }
}
