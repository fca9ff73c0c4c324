/// Builds LMDB keys that sort the way the store scans them: fixed-width big-endian integers
/// and raw UTF-8, concatenated.
struct Key {
    private(set) var bytes: [UInt8]

    init(capacity: Int = 32) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// A key holding one big-endian integer: sorts numerically.
    static func sequence(_ value: UInt64) -> [UInt8] {
        var key = Key(capacity: 8)
        key.append(value)
        return key.bytes
    }

    mutating func append(_ value: UInt64) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ value: UInt8) {
        bytes.append(value)
    }

    mutating func append(_ value: String) {
        bytes.append(contentsOf: value.utf8)
    }

    /// Reads the big-endian integer at `offset` of a key.
    static func sequence(in key: UnsafeRawBufferPointer, at offset: Int = 0) -> UInt64 {
        UInt64(bigEndian: key.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }
}
