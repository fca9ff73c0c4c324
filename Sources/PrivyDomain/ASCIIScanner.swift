/// Reads an ASCII grammar from the UTF-8 bytes of a string, left to right.
///
/// Any non-ASCII byte simply fails to match, so the grammars built on it reject such input.
struct ASCIIScanner {
    private let bytes: [UInt8]
    private var position = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// Whether every byte has been read.
    var isAtEnd: Bool {
        position == bytes.count
    }

    /// Reads `byte` if it is next.
    ///
    /// - Returns: whether it was read.
    mutating func consume(_ byte: UInt8) -> Bool {
        consume(anyOf: [byte]) != nil
    }

    /// Reads the next byte if it is one of `candidates`.
    ///
    /// - Returns: the byte read, or `nil` if the next byte is none of them.
    mutating func consume(anyOf candidates: [UInt8]) -> UInt8? {
        guard !isAtEnd, candidates.contains(bytes[position]) else { return nil }
        defer { position += 1 }
        return bytes[position]
    }

    /// Reads exactly `count` ASCII digits as one decimal number.
    ///
    /// - Returns: the number, or `nil` (reading nothing) if fewer than `count` digits come next.
    mutating func fixedDigits(_ count: Int) -> Int? {
        let end = position + count
        guard end <= bytes.count, bytes[position..<end].allSatisfy(\.isASCIIDigit) else { return nil }
        defer { position = end }
        return bytes[position..<end].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    /// Reads the longest run of ASCII digits that comes next, possibly empty.
    ///
    /// - Returns: the digit values, 0 through 9, in order.
    mutating func digitRun() -> [UInt8] {
        let start = position
        while !isAtEnd, bytes[position].isASCIIDigit {
            position += 1
        }
        return bytes[start..<position].map { $0 - UInt8(ascii: "0") }
    }
}
