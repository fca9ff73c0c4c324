/// The parts of a number written in JSON's number grammar:
/// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
///
/// Nothing else is accepted: no `+` sign, leading zero, bare `.`, whitespace, `Infinity` or `NaN`.
struct DecimalText {
    /// Whether the text starts with `-`.
    var isNegative: Bool
    /// The integer digits followed by the fraction digits, as values 0 through 9.
    var digits: [UInt8]
    /// How many of ``digits`` follow the decimal point.
    var fractionDigitCount: Int
    /// The exponent, saturated at ±``exponentLimit`` so a huge one cannot overflow.
    var exponent: Int

    /// The magnitude exponents saturate at; far beyond any value a caller can represent.
    static let exponentLimit = 1_000_000_000

    /// Splits `text` into its parts, or returns `nil` if it is not a JSON number.
    init?(_ text: String) {
        var scanner = ASCIIScanner(text)
        isNegative = scanner.consume(UInt8(ascii: "-"))
        let integerDigits = scanner.digitRun()
        guard let leading = integerDigits.first, leading != 0 || integerDigits.count == 1 else { return nil }
        var fractionDigits: [UInt8] = []
        if scanner.consume(UInt8(ascii: ".")) {
            fractionDigits = scanner.digitRun()
            guard !fractionDigits.isEmpty else { return nil }
        }
        exponent = 0
        if scanner.consume(anyOf: [UInt8(ascii: "e"), UInt8(ascii: "E")]) != nil {
            let sign = scanner.consume(anyOf: [UInt8(ascii: "+"), UInt8(ascii: "-")])
            let exponentDigits = scanner.digitRun()
            guard !exponentDigits.isEmpty else { return nil }
            let magnitude = exponentDigits.reduce(0) { min($0 * 10 + Int($1), Self.exponentLimit) }
            exponent = sign == UInt8(ascii: "-") ? -magnitude : magnitude
        }
        guard scanner.isAtEnd else { return nil }
        digits = integerDigits + fractionDigits
        fractionDigitCount = fractionDigits.count
    }
}
