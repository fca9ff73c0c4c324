/// The result of applying a valid consent request: the new state and what the change records.
public struct ConsentTransition: Sendable, Hashable {
    /// The consent after the request.
    public var state: ConsentState
    /// The changes, oldest first: email events, then SMS events. Empty when nothing changed.
    public var events: [ConsentEvent]
    /// The side effects to record for the upstream.
    public var effects: [ConsentEffect]
}
