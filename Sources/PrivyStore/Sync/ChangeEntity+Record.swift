import PrivyDomain

extension RecordWriter {
    /// Writes an entity as a kind byte (0 contact, 1 order) and its id, as change records do.
    mutating func write(_ entity: Change.Entity) {
        switch entity {
        case .contact(let id):
            write(UInt8(0))
            write(id.rawValue)
        case .order(let id):
            write(UInt8(1))
            write(id)
        }
    }
}

extension RecordReader {
    /// Reads an entity written by `RecordWriter.write(_:)`.
    mutating func read(_: Change.Entity.Type) throws(CorruptRecord) -> Change.Entity {
        switch try read(UInt8.self) {
        case 0:
            let raw = try read(String.self)
            guard let id = ContactID(validating: raw) else { throw CorruptRecord(what: "entity contact id \(raw)") }
            return .contact(id)
        case 1:
            return .order(try read(String.self))
        default:
            throw CorruptRecord(what: "entity kind")
        }
    }
}
