/// The RFC 8259 `number` production:
/// `[ "-" ] ( "0" / [1-9] *DIGIT ) [ "." 1*DIGIT ] [ ( "e" / "E" ) [ "+" / "-" ] 1*DIGIT ]`.
enum NumberGrammar {
    /// Matches one number starting at `start`.
    ///
    /// - Parameters:
    ///   - bytes: The input.
    ///   - start: The index of the first byte of the number.
    /// - Returns: The index just past the number. Whatever follows is left to the caller.
    /// - Throws: ``JSONParseError`` if the bytes at `start` do not begin a well-formed number.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) throws(JSONParseError) -> Int {
        var index = start
        if index < bytes.count && bytes[index] == ASCII.minus {
            index += 1
        }
        if index < bytes.count && bytes[index] == ASCII.zero {
            index += 1
            if index < bytes.count && ASCII.isDigit(bytes[index]) {
                throw JSONParseError(kind: .leadingZero, offset: index - 1)
            }
        } else {
            index = try digits(in: bytes, from: index)
        }
        if index < bytes.count && bytes[index] == ASCII.period {
            index = try digits(in: bytes, from: index + 1)
        }
        if index < bytes.count && bytes[index] | 0x20 == ASCII.lowerE {
            index += 1
            if index < bytes.count && (bytes[index] == ASCII.plus || bytes[index] == ASCII.minus) {
                index += 1
            }
            index = try digits(in: bytes, from: index)
        }
        return index
    }

    /// Matches `1*DIGIT` starting at `start` and returns the index just past the digits.
    private static func digits(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) throws(JSONParseError) -> Int {
        guard start < bytes.count && ASCII.isDigit(bytes[start]) else {
            throw JSONParseError.unexpected(in: bytes, at: start, expected: .digit)
        }
        var index = start + 1
        while index < bytes.count && ASCII.isDigit(bytes[index]) {
            index += 1
        }
        return index
    }
}
