import PrivyJSON
import Testing

@Suite("JSONParseError messages")
struct JSONParseErrorTests {
    @Test(
        "messages are readable and carry the offset",
        arguments: [
            (#"{"name":"x" "email":"y"}"#, "invalid JSON at byte 12: expected ',' or '}' after object member"),
            (#"{"email":"a","email":"b"}"#, "duplicate key \"email\" at byte 13"),
            (String(repeating: "[", count: 100), "nesting deeper than 64 levels at byte 64"),
            ("[1,", "invalid JSON at byte 3: unexpected end of input, expected a value"),
            ("[01]", "invalid JSON at byte 1: numbers must not have leading zeros"),
            ("nope", "invalid JSON at byte 0: expected true, false or null"),
            (#""\q""#, "invalid JSON at byte 1: invalid escape sequence in string"),
            (#""\uDC00""#, "invalid JSON at byte 1: unpaired UTF-16 surrogate in \\u escape"),
            ("\"\t\"", "invalid JSON at byte 1: unescaped control character in string"),
            ("1 1", "invalid JSON at byte 2: expected end of input after the top-level value"),
            ("\"abc", "invalid JSON at byte 4: unexpected end of input, expected '\"' to close the string"),
        ])
    func messages(input: String, expected: String) {
        do {
            _ = try parse(input)
            Issue.record("expected \(input) to be rejected")
        } catch {
            #expect(error.message == expected)
            #expect(error.description == expected)
        }
    }

    @Test("invalid UTF-8 message")
    func utf8Message() {
        #expect(JSONParseError(kind: .invalidUTF8, offset: 3).message == "invalid UTF-8 at byte 3")
    }

    @Test("limit messages name the limit")
    func limitMessages() {
        #expect(
            JSONParseError(kind: .inputTooLarge(limit: 1024), offset: 1024).message == "input larger than 1024 bytes")
        #expect(
            JSONParseError(kind: .stringTooLong(limit: 8), offset: 5).message == "string longer than 8 bytes at byte 5")
        #expect(
            JSONParseError(kind: .tooManyMembers(limit: 2), offset: 9).message
                == "object with more than 2 members at byte 9")
        #expect(
            JSONParseError(kind: .tooManyElements(limit: 2), offset: 9).message
                == "array with more than 2 elements at byte 9")
    }

    @Test("duplicate keys are quoted escaped and shortened")
    func quotedKeys() {
        let control = JSONParseError(kind: .duplicateKey("a\"b\n"), offset: 1)
        #expect(control.message == #"duplicate key "a\"b\n" at byte 1"#)
        let long = JSONParseError(kind: .duplicateKey(String(repeating: "é", count: 100)), offset: 1)
        #expect(long.message == "duplicate key \"\(String(repeating: "é", count: 32))...\" at byte 1")
    }
}
