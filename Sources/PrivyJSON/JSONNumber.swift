/// A JSON number, kept as its exact source text.
///
/// The text is never converted through `Double`, so `0.10`, `-0`, `1e400` and
/// `123456789012345678901234567890` survive a parse–serialize round trip unchanged, and monetary
/// amounts are never rounded. Two numbers are equal when their texts are equal, so `1.0` and `1`
/// are different numbers.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number exactly as written, guaranteed to match the RFC 8259 number grammar.
    public let text: String

    /// Wraps text that has already been matched against ``NumberGrammar``.
    init(validatedText: String) {
        self.text = validatedText
    }

    /// Creates a number from its JSON text.
    ///
    /// - Parameters:
    ///   - text: A complete RFC 8259 number such as `-12.50` or `6.02e23`, with no surrounding
    ///     whitespace.
    /// - Returns: `nil` if `text` is not a valid JSON number (for example `01`, `.5`, `+1`, `NaN`).
    public init?(_ text: String) {
        var contiguous = text
        let isValid = contiguous.withUTF8 { bytes in
            (try? NumberGrammar.scan(bytes, from: 0)) == bytes.count
        }
        guard isValid else {
            return nil
        }
        self.text = text
    }

    /// Creates a number from an integer.
    ///
    /// - Parameters:
    ///   - value: The integer, written in decimal.
    public init(_ value: some BinaryInteger) {
        self.text = String(value)
    }

    /// Whether the text has neither a fraction nor an exponent, such as `42` or `-0`.
    ///
    /// `1e2` and `1.0` are not integers in this sense even though their values are whole.
    public var isInteger: Bool {
        !text.utf8.contains { $0 == ASCII.period || $0 | 0x20 == ASCII.lowerE }
    }

    /// The value as an `Int64`, if the text is an integer (see ``isInteger``) within
    /// `Int64.min...Int64.max`; otherwise `nil`. `-0` yields `0`.
    public var int64Value: Int64? {
        var utf8 = text.utf8[...]
        let isNegative = utf8.first == ASCII.minus
        if isNegative {
            utf8 = utf8.dropFirst()
        }
        var value: Int64 = 0
        for byte in utf8 {
            guard ASCII.isDigit(byte) else {
                return nil
            }
            let digit = Int64(byte &- ASCII.zero)
            let (shifted, shiftOverflow) = value.multipliedReportingOverflow(by: 10)
            let (next, digitOverflow) =
                isNegative
                ? shifted.subtractingReportingOverflow(digit)
                : shifted.addingReportingOverflow(digit)
            guard !shiftOverflow && !digitOverflow else {
                return nil
            }
            value = next
        }
        return value
    }

    /// The number's JSON text.
    public var description: String {
        text
    }
}
