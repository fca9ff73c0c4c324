public import PrivyDomain

/// Changes to one entity that the upstream refused, with its answer: kept until an operator
/// retries (the changes go back into the log) or drops them.
public struct DeadLetter: Sendable, Hashable {
    /// The dead letter's number, increasing.
    public var id: UInt64
    /// The entity the changes were about.
    public var entity: Change.Entity
    /// How many local changes were coalesced into the refused call.
    public var changeCount: Int
    /// The contact fields those changes touched.
    public var contactFields: ContactFields
    /// The union of their flags.
    public var flags: Change.Flags
    /// The write path of the latest of them.
    public var source: ConsentSource
    /// When the first of them was made.
    public var firstChangeAt: Timestamp
    /// The upstream's answer.
    public var rejection: UpstreamRejection
    /// When the upstream refused them.
    public var at: Timestamp

    init(id: UInt64, changes: [Change], rejection: UpstreamRejection, at: Timestamp) {
        self.id = id
        entity = changes[0].entity
        changeCount = changes.count
        contactFields = changes.reduce(into: []) { $0.formUnion($1.contactFields) }
        flags = changes.reduce(into: []) { $0.formUnion($1.flags) }
        source = changes[changes.count - 1].source
        firstChangeAt = changes[0].at
        self.rejection = rejection
        self.at = at
    }

    func writeFields(to writer: inout RecordWriter) {
        writer.write(id)
        writer.write(entity)
        writer.write(changeCount)
        writer.write(UInt64(contactFields.rawValue))
        writer.write(flags.rawValue)
        writer.write(source.rawValue)
        writer.write(firstChangeAt)
        writer.write(rejection.request)
        writer.write(rejection.status)
        writer.write(rejection.body)
        writer.write(at)
    }

    init(readingFields reader: inout RecordReader) throws(CorruptRecord) {
        id = try reader.read(UInt64.self)
        entity = try reader.read(Change.Entity.self)
        changeCount = try reader.read(Int.self)
        contactFields = ContactFields(rawValue: UInt16(truncatingIfNeeded: try reader.read(UInt64.self)))
        flags = Change.Flags(rawValue: try reader.read(UInt8.self))
        let sourceName = try reader.read(String.self)
        guard let source = ConsentSource(rawValue: sourceName) else { throw CorruptRecord(what: "dead letter source \(sourceName)") }
        self.source = source
        firstChangeAt = try reader.read(Timestamp.self)
        rejection = UpstreamRejection(request: try reader.read(String.self), status: try reader.read(Int.self), body: try reader.read(String.self))
        at = try reader.read(Timestamp.self)
    }
}

extension DeadLetter: StoredRecord {
    static let table = "sync_dead_letters"

    var sizeHint: Int { 128 + rejection.body.utf8.count }
}
