import PrivyDomain
import Testing

@Suite("PhoneNumber")
struct PhoneNumberTests {
    @Test(
        "accepts E.164 numbers, trimmed",
        arguments: [
            ("+15555550123", "+15555550123"),
            ("+12", "+12"),
            ("+123456789012345", "+123456789012345"),
            (" +447911123456\t", "+447911123456"),
        ]
    )
    func accepts(input: String, stored: String) {
        #expect(PhoneNumber(validating: input)?.rawValue == stored)
    }

    @Test(
        "rejects anything else",
        arguments: [
            "", "+", "+1", "+1234567890123456", "15555550123", "+05555550123", "++15555550123", "+1 555 555 0123",
            "+1-555-555-0123", "+1555555012a", "+1(555)5550123", "+١٢٣٤٥", "+１５５５",
        ]
    )
    func rejects(input: String) {
        #expect(PhoneNumber(validating: input) == nil)
    }

    @Test("explains invalid numbers")
    func message() {
        #expect(PhoneNumber.invalidMessage == "must be in E.164 format, e.g. +15555550123")
    }
}
