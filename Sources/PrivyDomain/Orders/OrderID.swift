/// An order's key: a positive integer, whether the client sent it as a JSON number or as a
/// string of digits. Both spellings of one number are the same order.
public struct OrderID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The canonical decimal digits, without leading zeros.
    public let rawValue: String

    /// The most digits an order id may have.
    public static let maximumDigits = 30

    /// Parses the text of a JSON number or string.
    /// - Returns: `nil` unless `text` is a positive integer in plain digits.
    public init?(parsing text: String) {
        let digits = text.utf8
        guard !digits.isEmpty, digits.count <= Self.maximumDigits, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let significant = text.drop { $0 == "0" }
        guard !significant.isEmpty else { return nil }
        rawValue = String(significant)
    }

    public var description: String {
        rawValue
    }

    /// Orders by numeric value.
    public static func < (lhs: OrderID, rhs: OrderID) -> Bool {
        lhs.rawValue.count != rhs.rawValue.count ? lhs.rawValue.count < rhs.rawValue.count : lhs.rawValue < rhs.rawValue
    }
}
