/// A contact's email address.
///
/// Input is trimmed of surrounding whitespace and then kept exactly as given; ``normalized`` (lowercased)
/// is the form used to compare and look up addresses, since the API matches emails case-insensitively.
///
/// A valid address, after trimming:
/// - is at most 254 UTF-8 bytes and contains no whitespace or control characters;
/// - has exactly one `@`;
/// - has a local part (before the `@`) of 1 to 64 UTF-8 bytes;
/// - has a domain (after the `@`) with at least one dot and no empty label
///   (no leading, trailing or doubled dot).
///
/// Nothing else of RFC 5321 is checked: quoting, comments and IP-literal domains are not interpreted.
public struct EmailAddress: Sendable, Hashable {
    /// The address as given, trimmed of surrounding whitespace: the value stored and sent back.
    public let rawValue: String

    /// The 422 message for an invalid address.
    public static let invalidMessage = "is not a valid email address"

    /// Accepts `text` if, once trimmed, it is a valid address.
    ///
    /// - Parameters:
    ///   - text: the address as received.
    /// - Returns: `nil` if the trimmed text breaks a rule listed on ``EmailAddress``.
    public init?(validating text: String) {
        let trimmed = text.trimmingWhitespace()
        guard trimmed.utf8.count <= 254, !Self.containsSpaceOrControl(trimmed) else { return nil }
        let utf8 = trimmed.utf8
        guard let at = utf8.firstIndex(of: UInt8(ascii: "@")) else { return nil }
        let local = utf8[..<at]
        let domain = utf8[utf8.index(after: at)...]
        guard (1...64).contains(local.count), !domain.contains(UInt8(ascii: "@")),
            domain.contains(UInt8(ascii: ".")), domain.first != UInt8(ascii: "."), domain.last != UInt8(ascii: "."),
            !zip(domain, domain.dropFirst()).contains(where: { $0 == UInt8(ascii: ".") && $1 == UInt8(ascii: ".") })
        else { return nil }
        rawValue = trimmed
    }

    /// Whether `text` holds whitespace or a control character; ASCII text is checked byte by byte,
    /// anything else by Unicode scalar properties.
    private static func containsSpaceOrControl(_ text: String) -> Bool {
        let utf8 = text.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) {
            return utf8.contains { $0 <= 0x20 || $0 == 0x7F }
        }
        return text.unicodeScalars.contains { $0.properties.isWhitespace || $0.properties.generalCategory == .control }
    }

    /// The address lowercased: the key for comparing and looking up addresses.
    public var normalized: String {
        rawValue.lowercased()
    }
}

extension EmailAddress: ContactIdentity {
    var matchKey: String {
        normalized
    }
}
