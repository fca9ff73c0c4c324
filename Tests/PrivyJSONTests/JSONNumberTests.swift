import PrivyJSON
import Testing

@Suite("JSONNumber")
struct JSONNumberTests {
    @Test(
        "accepts exactly the RFC 8259 grammar",
        arguments: ["0", "-0", "7", "-12.50", "0.10", "1e5", "1E-5", "1e+5", "6.02e23", "1e400"])
    func validText(text: String) throws {
        #expect(try #require(JSONNumber(text)).text == text)
    }

    @Test(
        "rejects everything else",
        arguments: [
            "", "-", "01", "-01", "+1", ".5", "1.", "1e", "1e+", "0x1", "NaN", "Infinity", " 1", "1 ", "1_000", "١",
        ])
    func invalidText(text: String) {
        #expect(JSONNumber(text) == nil)
    }

    @Test(
        "int64Value is exact or nil",
        arguments: [
            ("0", 0), ("-0", 0), ("42", 42), ("-42", -42),
            ("9223372036854775807", Int64.max), ("-9223372036854775808", Int64.min),
            ("9223372036854775808", nil), ("-9223372036854775809", nil),
            ("123456789012345678901234567890", nil),
            ("1.0", nil), ("1e2", nil), ("1E2", nil), ("0.5", nil),
        ] as [(String, Int64?)])
    func int64Value(text: String, expected: Int64?) throws {
        #expect(try #require(JSONNumber(text)).int64Value == expected)
    }

    @Test(
        "isInteger means no fraction and no exponent",
        arguments: [("12", true), ("-0", true), ("1.0", false), ("1e2", false), ("1E2", false)])
    func isInteger(text: String, expected: Bool) throws {
        #expect(try #require(JSONNumber(text)).isInteger == expected)
    }

    @Test("integer initializer writes decimal text")
    func integerInit() {
        #expect(JSONNumber(Int64.min).text == "-9223372036854775808")
        #expect(JSONNumber(UInt64.max).text == "18446744073709551615")
        #expect(JSONNumber(0).description == "0")
    }

    @Test("equality is textual")
    func textualEquality() {
        #expect(JSONNumber("1.0") != JSONNumber("1"))
        #expect(JSONNumber("-0") != JSONNumber("0"))
        #expect(JSONNumber("10") == JSONNumber(10))
    }
}
