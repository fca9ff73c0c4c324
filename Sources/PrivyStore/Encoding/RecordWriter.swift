/// Appends a record's fields in privy-edge's compact binary layout: unsigned LEB128 varints,
/// zig-zag signed varints, length-prefixed UTF-8 strings and presence bytes for optionals.
///
/// Records start with a version byte, so a layout can change without a migration of every
/// value at once.
struct RecordWriter {
    private(set) var bytes: [UInt8]

    /// Starts a record of `version`, reserving `capacity` bytes.
    init(version: UInt8, capacity: Int = 128) {
        bytes = []
        bytes.reserveCapacity(capacity)
        bytes.append(version)
    }

    mutating func write(_ value: UInt8) {
        bytes.append(value)
    }

    mutating func write(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    mutating func write(_ value: UInt64) {
        var remaining = value
        while remaining >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: remaining) | 0x80)
            remaining >>= 7
        }
        bytes.append(UInt8(remaining))
    }

    mutating func write(_ value: Int64) {
        write(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    mutating func write(_ value: Int) {
        write(Int64(value))
    }

    mutating func write(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            write(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func write(_ value: [UInt8]) {
        write(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    mutating func write(_ value: String?) {
        write(value != nil)
        if let value { write(value) }
    }

    mutating func write(_ value: Int64?) {
        write(value != nil)
        if let value { write(value) }
    }

    mutating func write(_ values: [String]) {
        write(UInt64(values.count))
        for value in values { write(value) }
    }
}
