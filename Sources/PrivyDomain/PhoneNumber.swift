/// A contact's phone number in E.164 form: `+` followed by 2 to 15 digits, the first of them 1 to 9.
///
/// Input is trimmed of surrounding whitespace; nothing else is rewritten (no spaces, dashes or
/// parentheses are removed), so the stored value is always canonical E.164 and compares exactly.
public struct PhoneNumber: Sendable, Hashable {
    /// The number, for example `+15555550123`.
    public let rawValue: String

    /// The 422 message for an invalid number.
    public static let invalidMessage = "must be in E.164 format, e.g. +15555550123"

    /// Accepts `text` if, once trimmed, it is an E.164 number.
    ///
    /// - Parameters:
    ///   - text: the number as received.
    /// - Returns: `nil` unless the trimmed text is `+` and 2 to 15 ASCII digits, the first not `0`.
    public init?(validating text: String) {
        let trimmed = text.trimmingWhitespace()
        let bytes = trimmed.utf8
        guard bytes.first == UInt8(ascii: "+") else { return nil }
        let digits = bytes.dropFirst()
        guard (2...15).contains(digits.count), digits.allSatisfy(\.isASCIIDigit), digits.first != UInt8(ascii: "0")
        else { return nil }
        rawValue = trimmed
    }
}

extension PhoneNumber: ContactIdentity {
    var matchKey: String {
        rawValue
    }
}
