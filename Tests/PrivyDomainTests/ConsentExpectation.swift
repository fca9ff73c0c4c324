import PrivyDomain
import Testing

/// What the consent engine should do with a write to one channel: an entry of the consent tables.
enum ConsentExpectation: Sendable, CustomTestStringConvertible {
    /// Success, with nothing changed, no event and no effect.
    case unchanged
    /// Success, visiting these wire values in order (one event per step); `welcome` when the move
    /// records a welcome SMS if made through the API with `send_welcome_sms` true.
    case moves([String], welcome: Bool)
    /// A 422 with this message on the channel's field, and nothing else.
    case rejected(String)

    static let readOnly = ConsentExpectation.rejected("is read-only")
    static let blocked = ConsentExpectation.rejected("cannot be changed while email consent is compliance_suppressed")
    static let needsPhone = ConsentExpectation.rejected("requires a phone number")
    static let noOptOutOnCreate = ConsentExpectation.rejected("cannot be unsubscribed on a new contact")

    static func path(_ stops: String...) -> ConsentExpectation {
        .moves(stops, welcome: false)
    }

    static func welcome(_ stops: String...) -> ConsentExpectation {
        .moves(stops, welcome: true)
    }

    var testDescription: String {
        switch self {
        case .unchanged: "unchanged"
        case .moves(let stops, let welcome): stops.joined(separator: " → ") + (welcome ? " + welcome SMS" : "")
        case .rejected(let message): "422 \(message)"
        }
    }

    /// Checks `result`, the engine's answer to a write on `channel` that would leave the state at `applied`.
    func verify(
        _ result: Result<ConsentTransition, ValidationFailure>,
        channel: ConsentChannel,
        current: ConsentState,
        applied: ConsentState,
        welcomeExpected: Bool,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        switch self {
        case .unchanged:
            let transition = try? result.get()
            #expect(transition?.state == current, sourceLocation: sourceLocation)
            #expect(transition?.events == [], sourceLocation: sourceLocation)
            #expect(transition?.effects == [], sourceLocation: sourceLocation)
        case .moves(let stops, let welcome):
            let transition = try? result.get()
            let events = zip(stops, stops.dropFirst()).map { ConsentEvent(channel: channel, from: $0, to: $1) }
            #expect(transition?.state == applied, sourceLocation: sourceLocation)
            #expect(transition?.events == events, sourceLocation: sourceLocation)
            #expect(transition?.effects == (welcome && welcomeExpected ? [.welcomeSMS] : []), sourceLocation: sourceLocation)
        case .rejected(let message):
            #expect(result.details == [FieldError(field: channel.field, message: message)], sourceLocation: sourceLocation)
        }
    }
}

/// The sources that are not the system path: they all follow the merchant rules.
let merchantSources: [ConsentSource] = [.api, .order, .violet, .unsubscribe, .import]
