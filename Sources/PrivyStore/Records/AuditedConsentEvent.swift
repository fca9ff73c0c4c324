public import PrivyDomain

/// One entry of a contact's append-only consent audit trail.
public struct AuditedConsentEvent: Sendable, Hashable {
    /// The change itself: channel, from and to.
    public var event: ConsentEvent
    /// Which write path made it.
    public var source: ConsentSource
    /// The request that made it, if it came over HTTP.
    public var requestID: String?
    /// The token that made it, if any.
    public var tokenID: String?
    /// The caller's IP address, if known.
    public var clientIP: String?
    /// When it happened.
    public var at: Timestamp

    func writeFields(to writer: inout RecordWriter) {
        writer.write(event.channel.rawValue)
        writer.write(event.from)
        writer.write(event.to)
        writer.write(source.rawValue)
        writer.write(requestID)
        writer.write(tokenID)
        writer.write(clientIP)
        writer.write(at)
    }

    init(event: ConsentEvent, source: ConsentSource, requestID: String?, tokenID: String?, clientIP: String?, at: Timestamp) {
        self.event = event
        self.source = source
        self.requestID = requestID
        self.tokenID = tokenID
        self.clientIP = clientIP
        self.at = at
    }

    init(readingFields reader: inout RecordReader) throws(CorruptRecord) {
        let channelName = try reader.read(String.self)
        guard let channel = ConsentChannel(rawValue: channelName) else { throw CorruptRecord(what: "consent channel \(channelName)") }
        event = ConsentEvent(channel: channel, from: try reader.read(String.self), to: try reader.read(String.self))
        let sourceName = try reader.read(String.self)
        guard let source = ConsentSource(rawValue: sourceName) else { throw CorruptRecord(what: "consent source \(sourceName)") }
        self.source = source
        requestID = try reader.read(String?.self)
        tokenID = try reader.read(String?.self)
        clientIP = try reader.read(String?.self)
        at = try reader.read(Timestamp.self)
    }
}

extension AuditedConsentEvent: StoredRecord {
    static let table = "consent_events"
}
