/// An ISO 4217 currency code: three ASCII letters, stored uppercase.
///
/// Lowercase input is accepted and uppercased (`usd` becomes `USD`), since the code is
/// case-insensitive in practice and the stored form must be canonical for per-currency totals.
/// Membership in the ISO 4217 list is not checked: the list changes, and an unknown code does no harm.
public struct CurrencyCode: Sendable, Hashable, Comparable {
    /// The code, uppercase, for example `USD`.
    public let rawValue: String

    /// Accepts `text` if it is three ASCII letters.
    ///
    /// - Parameters:
    ///   - text: the code as received; not trimmed.
    /// - Returns: the code in uppercase, or `nil` unless `text` is exactly three ASCII letters.
    public init?(validating text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 3, bytes.allSatisfy(\.isASCIILetter) else { return nil }
        rawValue = String(decoding: bytes.map(\.asciiUppercased), as: UTF8.self)
    }

    /// Orders codes alphabetically, for a stable order of per-currency totals.
    ///
    /// - Parameters:
    ///   - lhs: one code.
    ///   - rhs: another code.
    /// - Returns: whether `lhs` sorts before `rhs`.
    public static func < (lhs: CurrencyCode, rhs: CurrencyCode) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
