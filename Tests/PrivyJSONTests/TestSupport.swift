import PrivyJSON
import Testing

/// An input the parser must reject, with the exact error it must report.
struct Rejection: Sendable, CustomTestStringConvertible {
    let input: [UInt8]
    let kind: JSONParseError.Kind
    let offset: Int

    init(_ text: String, _ kind: JSONParseError.Kind, at offset: Int) {
        self.init(bytes: Array(text.utf8), kind, at: offset)
    }

    init(bytes: [UInt8], _ kind: JSONParseError.Kind, at offset: Int) {
        self.input = bytes
        self.kind = kind
        self.offset = offset
    }

    var expectedError: JSONParseError {
        JSONParseError(kind: kind, offset: offset)
    }

    var testDescription: String {
        let printable = input.map { $0 >= 0x20 && $0 < 0x7F ? String(UnicodeScalar($0)) : "<\(String($0, radix: 16))>" }
        return printable.joined() + " → \(kind) at \(offset)"
    }
}

/// Parses UTF-8 text with the given limits.
func parse(_ text: String, limits: JSONParser.Limits = JSONParser.Limits()) throws(JSONParseError) -> JSONValue {
    try JSONParser(limits: limits).parse(Array(text.utf8))
}

/// Expects `input` to be rejected with exactly `rejection`'s kind and offset.
func expectRejection(
    _ rejection: Rejection, limits: JSONParser.Limits = JSONParser.Limits(),
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(throws: rejection.expectedError, sourceLocation: sourceLocation) {
        try JSONParser(limits: limits).parse(rejection.input)
    }
}

/// The input `text` wrapped in double quotes, as bytes, with raw `bytes` in between.
func quoted(_ bytes: [UInt8]) -> [UInt8] {
    [0x22] + bytes + [0x22]
}
