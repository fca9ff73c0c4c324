/// One consent change on one channel: the core of an append-only audit event.
///
/// The store adds the source, request id, token id, client IP and time to make the full
/// `consent_events` record.
public struct ConsentEvent: Sendable, Hashable {
    /// The channel that changed.
    public var channel: ConsentChannel
    /// The wire value before the change.
    public var from: String
    /// The wire value after the change.
    public var to: String

    /// Creates an event from wire values, as read back from storage.
    ///
    /// - Parameters:
    ///   - channel: the channel that changed.
    ///   - from: the wire value before the change.
    ///   - to: the wire value after the change.
    public init(channel: ConsentChannel, from: String, to: String) {
        self.channel = channel
        self.from = from
        self.to = to
    }

    /// The event for a change between two values of one channel.
    init<Value: ConsentValue>(from: Value, to: Value) {
        self.init(channel: Value.channel, from: from.rawValue, to: to.rawValue)
    }
}
