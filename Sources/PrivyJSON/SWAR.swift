/// Byte tests on eight bytes at once ("SIMD within a register").
enum SWAR {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Loads eight bytes from `pointer` so that the first byte is the lowest-order byte.
    @inline(__always)
    static func load(from pointer: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
    }

    /// Marks the bytes of `word` that a JSON string cannot contain unescaped: `"`, `\`, and
    /// control characters.
    ///
    /// - Returns: A mask with the high bit set in marked bytes. Bytes above the first marked byte
    ///   may be marked spuriously (subtraction borrows propagate upward), so only the lowest set
    ///   bit is exact: `mask.trailingZeroBitCount / 8` is the index of the first marked byte.
    @inline(__always)
    static func escapeMask(_ word: UInt64) -> UInt64 {
        let quotes = word ^ (ones &* UInt64(ASCII.quote))
        let backslashes = word ^ (ones &* UInt64(ASCII.backslash))
        let controls = (word &- ones &* 0x20) & ~word
        return (controls | ((quotes &- ones) & ~quotes) | ((backslashes &- ones) & ~backslashes)) & highBits
    }

    /// Marks the bytes of `word` that end or interrupt a plain run of string contents while
    /// parsing: those of ``escapeMask(_:)`` plus non-ASCII bytes, which need UTF-8 validation.
    ///
    /// - Returns: A mask like that of ``escapeMask(_:)``, with the same exactness guarantee.
    @inline(__always)
    static func stringAttentionMask(_ word: UInt64) -> UInt64 {
        (word & highBits) | escapeMask(word)
    }
}
