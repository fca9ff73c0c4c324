/// Strict UTF-8 well-formedness checks following Unicode table 3-7.
///
/// Rejects stray continuation bytes, overlong encodings, encoded surrogates (U+D800–U+DFFF),
/// code points above U+10FFFF and truncated sequences.
enum UTF8Validator {
    /// Validates the multi-byte sequence whose lead byte is at `start`.
    ///
    /// - Parameters:
    ///   - bytes: The input.
    ///   - start: The index of a byte `>= 0x80`.
    /// - Returns: The index just past the sequence, or `nil` if it is not well-formed.
    static func endOfSequence(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        let length: Int
        var lowest: UInt8 = 0x80
        var highest: UInt8 = 0xBF
        switch bytes[start] {
        case 0xC2...0xDF:
            length = 2
        case 0xE0:
            length = 3
            lowest = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF:
            length = 3
        case 0xED:
            length = 3
            highest = 0x9F
        case 0xF0:
            length = 4
            lowest = 0x90
        case 0xF1...0xF3:
            length = 4
        case 0xF4:
            length = 4
            highest = 0x8F
        default:
            return nil
        }
        guard bytes.count - start >= length, (lowest...highest).contains(bytes[start + 1]) else {
            return nil
        }
        for index in (start + 2)..<(start + length) where bytes[index] & 0xC0 != 0x80 {
            return nil
        }
        return start + length
    }
}
