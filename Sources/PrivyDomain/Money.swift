/// An exact decimal amount of money, never binary floating point.
///
/// Reading accepts JSON's number grammar, whether the amount arrives as a JSON number (its source text)
/// or as a JSON string: `95`, `95.5`, `0.10`, `-1.25`, `1.5e2`. It rejects anything else (`""`, `" 1"`,
/// `"1.2.3"`, `"+1"`, `"01"`, `".5"`, `"5."`) and any amount that needs more than ``maximumDigits``
/// significant digits or more than ``maximumScale`` decimal places, which also bounds exponents.
///
/// Amounts are kept in canonical form, with no trailing fraction zeros, so `0.10` equals `0.1`.
/// The text form has at least two decimal places and as many more as the amount needs:
/// `95.00`, `0.30`, `1.005`, `-1.25`.
public struct Money: Sendable, Hashable, LosslessStringConvertible {
    /// The most significant digits an amount may have.
    public static let maximumDigits = 18
    /// The most decimal places an amount may have.
    public static let maximumScale = 18
    /// Zero.
    public static let zero = Money(significand: 0, scale: 0)

    /// The amount is `significand × 10^-scale`, with `|significand| < 10^18`, `0 ≤ scale ≤ 18`, and
    /// `significand` not a multiple of 10 when `scale > 0`.
    private let significand: Int64
    private let scale: Int

    private static let significandLimit: Int64 = 1_000_000_000_000_000_000
    /// 10^0 through 10^19.
    private static let powersOfTen: [UInt64] = (0...19).map { (0..<$0).reduce(1) { power, _ in power * 10 } }

    /// Reads an amount written in JSON's number grammar.
    ///
    /// - Parameters:
    ///   - description: the amount's text: a JSON number's source text or a JSON string's contents.
    /// - Returns: `nil` if the text is not a JSON number or the amount is out of range.
    public init?(_ description: String) {
        guard let decimal = DecimalText(description) else { return nil }
        let leadingTrimmed = decimal.digits.drop(while: { $0 == 0 })
        let trailingZeroCount = leadingTrimmed.reversed().prefix(while: { $0 == 0 }).count
        let digits = leadingTrimmed.dropLast(trailingZeroCount)
        guard !digits.isEmpty else {
            self = .zero
            return
        }
        // The amount is `digits × 10^exponent`.
        let exponent = decimal.exponent - decimal.fractionDigitCount + trailingZeroCount
        guard digits.count + max(0, exponent) <= Self.maximumDigits, -exponent <= Self.maximumScale else { return nil }
        let magnitude = (digits + repeatElement(0, count: max(0, exponent))).reduce(Int64(0)) { $0 * 10 + Int64($1) }
        self.init(significand: decimal.isNegative ? -magnitude : magnitude, scale: max(0, -exponent))
    }

    /// The amount with at least two decimal places, for example `95.00`, `0.30`, `1.005` or `-1.25`.
    public var description: String {
        let magnitude = significand.magnitude
        let unit = Self.powersOfTen[scale]
        let fractionWidth = max(2, scale)
        return ASCIITextBuilder.string(capacity: Self.maximumDigits + Self.maximumScale + 3) { text in
            if significand < 0 { text.append(UInt8(ascii: "-")) }
            text.append(magnitude / unit, zeroPaddedTo: 1)
            text.append(UInt8(ascii: "."))
            // The fraction's digits, then zeros up to two places: 0.3 → 30, 1.005 → 005.
            text.append((magnitude % unit) * Self.powersOfTen[fractionWidth - scale], zeroPaddedTo: fractionWidth)
        }
    }

    /// The exact sum of two amounts.
    ///
    /// - Parameters:
    ///   - other: the amount to add.
    /// - Returns: the sum, or `nil` if it needs more than ``maximumDigits`` significant digits.
    public func adding(_ other: Money) -> Money? {
        Self.sum(self, other.significand, other.scale)
    }

    /// The exact difference of two amounts.
    ///
    /// - Parameters:
    ///   - other: the amount to subtract.
    /// - Returns: the difference, or `nil` if it needs more than ``maximumDigits`` significant digits.
    public func subtracting(_ other: Money) -> Money? {
        Self.sum(self, -other.significand, other.scale)
    }

    /// `amount + addend × 10^-addendScale`, exactly.
    private static func sum(_ amount: Money, _ addend: Int64, _ addendScale: Int) -> Money? {
        let scale = max(amount.scale, addendScale)
        guard let lhs = rescaled(amount.significand, by: scale - amount.scale),
            let rhs = rescaled(addend, by: scale - addendScale)
        else { return nil }
        let (total, overflow) = lhs.addingReportingOverflow(rhs)
        return overflow ? nil : Money(normalizing: total, scale: scale)
    }

    /// `value × 10^places`, or `nil` on overflow.
    private static func rescaled(_ value: Int64, by places: Int) -> Int64? {
        let (product, overflow) = value.multipliedReportingOverflow(by: (0..<places).reduce(Int64(1)) { power, _ in power * 10 })
        return overflow ? nil : product
    }

    /// The canonical amount `significand × 10^-scale`, or `nil` if it needs more than 18 digits.
    private init?(normalizing significand: Int64, scale: Int) {
        var significand = significand
        var scale = scale
        while scale > 0, significand % 10 == 0 {
            significand /= 10
            scale -= 1
        }
        guard significand.magnitude < Self.significandLimit.magnitude else { return nil }
        self.init(significand: significand, scale: scale)
    }

    private init(significand: Int64, scale: Int) {
        self.significand = significand
        self.scale = scale
    }
}
