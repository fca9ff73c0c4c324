public import PrivyDomain

/// One entry of the change log: what changed in which entity, written in the same transaction
/// as the change. The sync exporter reads these in order and sends only what they name.
public struct Change: Sendable, Hashable {
    /// The entity that changed.
    public enum Entity: Sendable, Hashable {
        /// A contact.
        case contact(ContactID)
        /// An order, by its canonical order id.
        case order(String)
    }

    /// Facts about the change the upstream call must carry.
    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8

        public init(rawValue: UInt8) {
            self.rawValue = rawValue
        }

        /// The entity was created by this change.
        public static let created = Flags(rawValue: 1 << 0)
        /// The entity was deleted by this change.
        public static let deleted = Flags(rawValue: 1 << 1)
        /// SMS consent moved into `subscribed`: the upstream should send its welcome SMS.
        public static let welcomeSMS = Flags(rawValue: 1 << 2)
        /// The request said `send_welcome_sms: false`: forward that upstream.
        public static let welcomeSMSDeclined = Flags(rawValue: 1 << 3)
        /// A historical import (`initial_sync: true`): no real-time side effects.
        public static let initialSync = Flags(rawValue: 1 << 4)
        /// A live order: its real-time side effects (flows, automations, campaign-revenue
        /// attribution) are due upstream.
        public static let realtimeEffects = Flags(rawValue: 1 << 5)
    }

    /// The change's position in the log; strictly increasing.
    public var sequence: UInt64
    /// What changed.
    public var entity: Entity
    /// For contacts, exactly which wire fields changed.
    public var contactFields: ContactFields
    /// Facts for the upstream call.
    public var flags: Flags
    /// The write path that made the change.
    public var source: ConsentSource
    /// When it happened.
    public var at: Timestamp

    func writeFields(to writer: inout RecordWriter) {
        writer.write(sequence)
        switch entity {
        case .contact(let id):
            writer.write(UInt8(0))
            writer.write(id.rawValue)
        case .order(let id):
            writer.write(UInt8(1))
            writer.write(id)
        }
        writer.write(UInt64(contactFields.rawValue))
        writer.write(flags.rawValue)
        writer.write(source.rawValue)
        writer.write(at)
    }

    init(sequence: UInt64, entity: Entity, contactFields: ContactFields, flags: Flags, source: ConsentSource, at: Timestamp) {
        self.sequence = sequence
        self.entity = entity
        self.contactFields = contactFields
        self.flags = flags
        self.source = source
        self.at = at
    }

    init(readingFields reader: inout RecordReader) throws(CorruptRecord) {
        sequence = try reader.read(UInt64.self)
        switch try reader.read(UInt8.self) {
        case 0:
            let raw = try reader.read(String.self)
            guard let id = ContactID(validating: raw) else { throw CorruptRecord(what: "change contact id \(raw)") }
            entity = .contact(id)
        case 1:
            entity = .order(try reader.read(String.self))
        default:
            throw CorruptRecord(what: "change entity kind")
        }
        contactFields = ContactFields(rawValue: UInt16(truncatingIfNeeded: try reader.read(UInt64.self)))
        flags = Flags(rawValue: try reader.read(UInt8.self))
        let sourceName = try reader.read(String.self)
        guard let source = ConsentSource(rawValue: sourceName) else { throw CorruptRecord(what: "change source \(sourceName)") }
        self.source = source
        at = try reader.read(Timestamp.self)
    }
}

extension Change: StoredRecord {
    static let table = "changes"

    var sizeHint: Int { 48 }
}
