import LMDB

/// A value the store keeps in one of its tables: written in ``RecordWriter``'s layout behind a
/// version byte, and read back only through ``init(decoding:)``, which checks that byte.
protocol StoredRecord {
    /// The table the record is kept in, named when a record does not decode.
    static var table: String { get }
    /// The layout this build writes, and the only one it reads.
    static var layoutVersion: UInt8 { get }
    /// The bytes to reserve for the record.
    var sizeHint: Int { get }
    /// Writes the fields, after the version byte.
    func writeFields(to writer: inout RecordWriter)
    /// Reads the fields ``writeFields(to:)`` wrote, after the version byte.
    init(readingFields reader: inout RecordReader) throws(CorruptRecord)
}

extension StoredRecord {
    static var layoutVersion: UInt8 { 1 }

    var sizeHint: Int { 96 }

    /// The record's bytes: the version byte, then the fields.
    func encoded() -> [UInt8] {
        RecordWriter.encode(self)
    }

    /// Decodes a stored record; one of a layout version this build does not read is an error
    /// naming the table.
    init(decoding bytes: UnsafeRawBufferPointer) throws(CorruptRecord) {
        self = try RecordReader.decode(Self.self, from: bytes)
    }
}

extension RecordWriter {
    /// The bytes of `record`: its layout version, then its fields.
    static func encode(_ record: some StoredRecord) -> [UInt8] {
        var writer = RecordWriter(version: type(of: record).layoutVersion, capacity: record.sizeHint)
        record.writeFields(to: &writer)
        return writer.bytes
    }
}

extension RecordReader {
    /// Decodes a record of `type` from `bytes`, checking its layout version first.
    static func decode<Record: StoredRecord>(_ type: Record.Type, from bytes: UnsafeRawBufferPointer) throws(CorruptRecord) -> Record {
        var reader = try RecordReader(bytes)
        guard reader.version == Record.layoutVersion else {
            throw CorruptRecord(what: "\(Record.table): a record of layout version \(reader.version); this build reads version \(Record.layoutVersion)")
        }
        return try Record(readingFields: &reader)
    }
}

extension Transaction {
    /// Every record of `database`, decoded, in key order.
    /// - Parameters:
    ///   - type: the kind of record the table holds.
    ///   - database: the table.
    /// - Returns: the records.
    func records<Record: StoredRecord>(_ type: Record.Type, in database: Database) throws -> [Record] {
        var records: [Record] = []
        try forEach(in: database) { _, value in
            records.append(try Record(decoding: value))
            return true
        }
        return records
    }
}
