/// A stored record that does not decode: the data file is damaged or from an unknown layout.
public struct CorruptRecord: Error, Sendable, CustomStringConvertible {
    /// What was being read.
    public var what: String

    public var description: String {
        "corrupt record: \(what)"
    }
}

/// Reads fields written by ``RecordWriter`` from bytes that are valid for the reader's life
/// (typically a value inside a read transaction: decode, then let go).
struct RecordReader {
    private let bytes: UnsafeRawBufferPointer
    private var offset = 0
    /// The version byte the record starts with.
    let version: UInt8

    init(_ bytes: UnsafeRawBufferPointer) throws(CorruptRecord) {
        guard let version = bytes.first else { throw CorruptRecord(what: "empty record") }
        self.bytes = bytes
        self.version = version
        self.offset = 1
    }

    mutating func read(_: UInt8.Type = UInt8.self) throws(CorruptRecord) -> UInt8 {
        guard offset < bytes.count else { throw CorruptRecord(what: "truncated byte") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func read(_: Bool.Type) throws(CorruptRecord) -> Bool {
        switch try read(UInt8.self) {
        case 0: return false
        case 1: return true
        default: throw CorruptRecord(what: "invalid boolean")
        }
    }

    mutating func read(_: UInt64.Type) throws(CorruptRecord) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try read(UInt8.self)
            guard shift < 64 else { throw CorruptRecord(what: "varint too long") }
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    mutating func read(_: Int64.Type) throws(CorruptRecord) -> Int64 {
        let raw = try read(UInt64.self)
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    mutating func read(_: Int.Type) throws(CorruptRecord) -> Int {
        Int(try read(Int64.self))
    }

    mutating func read(_: [UInt8].Type) throws(CorruptRecord) -> [UInt8] {
        let count = Int(try read(UInt64.self))
        guard count <= bytes.count - offset else { throw CorruptRecord(what: "truncated bytes") }
        defer { offset += count }
        return [UInt8](bytes[offset..<offset + count])
    }

    mutating func read(_: String.Type) throws(CorruptRecord) -> String {
        let count = Int(try read(UInt64.self))
        guard count <= bytes.count - offset else { throw CorruptRecord(what: "truncated string") }
        defer { offset += count }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count]), as: UTF8.self)
    }

    mutating func read(_: String?.Type) throws(CorruptRecord) -> String? {
        try read(Bool.self) ? try read(String.self) : nil
    }

    mutating func read(_: Int64?.Type) throws(CorruptRecord) -> Int64? {
        try read(Bool.self) ? try read(Int64.self) : nil
    }

    mutating func read(_: [String].Type) throws(CorruptRecord) -> [String] {
        let count = Int(try read(UInt64.self))
        guard count <= bytes.count - offset else { throw CorruptRecord(what: "truncated list") }
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(String.self)) }
        return values
    }
}
