/// An `application/x-www-form-urlencoded` body: `name=value&…`, with `+` as space and `%XX`
/// escapes decoded.
struct FormBody {
    private(set) var fields: [String: String] = [:]

    /// Parses `bytes`.
    /// - Throws: ``APIError`` 400 on a broken escape or a repeated field.
    init(_ bytes: some Collection<UInt8>) throws {
        for pair in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = try Self.decode(parts[0])
            let value = try parts.count > 1 ? Self.decode(parts[1]) : ""
            guard fields.updateValue(value, forKey: name) == nil else {
                throw APIError.badRequest("the form field \(name) appears more than once")
            }
        }
    }

    subscript(name: String) -> String? {
        fields[name]
    }

    private static func decode(_ text: some Collection<UInt8>) throws -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count)
        var index = text.startIndex
        while index != text.endIndex {
            let byte = text[index]
            switch byte {
            case UInt8(ascii: "+"):
                bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                let high = text.index(after: index)
                guard high != text.endIndex, text.index(after: high) != text.endIndex,
                      let upper = hexValue(text[high]), let lower = hexValue(text[text.index(after: high)])
                else { throw APIError.badRequest("the form body has a broken % escape") }
                bytes.append(upper << 4 | lower)
                index = text.index(after: high)
            default:
                bytes.append(byte)
            }
            index = text.index(after: index)
        }
        guard let string = String(validating: bytes, as: UTF8.self) else {
            throw APIError.badRequest("the form body is not valid UTF-8")
        }
        return string
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
