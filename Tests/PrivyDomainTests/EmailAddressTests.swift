import PrivyDomain
import Testing

@Suite("EmailAddress")
struct EmailAddressTests {
    @Test(
        "accepts valid addresses, trimmed and otherwise as given",
        arguments: [
            ("bob@example.com", "bob@example.com", "bob@example.com"),
            ("  Bob.Smith+tag@Example.COM\n", "Bob.Smith+tag@Example.COM", "bob.smith+tag@example.com"),
            ("a@b.co", "a@b.co", "a@b.co"),
            ("ÉLODIE@exemple.fr", "ÉLODIE@exemple.fr", "élodie@exemple.fr"),
            (String(repeating: "l", count: 64) + "@example.com", String(repeating: "l", count: 64) + "@example.com", String(repeating: "l", count: 64) + "@example.com"),
        ]
    )
    func accepts(input: String, stored: String, normalized: String) throws {
        let email = try #require(EmailAddress(validating: input))
        #expect(email.rawValue == stored)
        #expect(email.normalized == normalized)
    }

    @Test("accepts exactly 254 bytes and no more")
    func lengthLimit() {
        let domain = String(repeating: "d", count: 63) + "." + String(repeating: "e", count: 63) + "." + String(repeating: "f", count: 60) + ".com"
        let longest = String(repeating: "l", count: 254 - 1 - domain.utf8.count) + "@" + domain
        #expect(longest.utf8.count == 254)
        #expect(EmailAddress(validating: longest) != nil)
        #expect(EmailAddress(validating: "l" + longest) == nil)
    }

    @Test(
        "rejects invalid addresses",
        arguments: [
            "", "   ", "bob", "bob@", "@example.com", "bob@example", "bob@@example.com", "bob@ex@ample.com",
            "bob smith@example.com", "bob@exa mple.com", "bob@.example.com", "bob@example.com.", "bob@example..com",
            "bob\u{0}@example.com", "bob@example.com\u{7}", "bob\u{A0}x@example.com",
            String(repeating: "l", count: 65) + "@example.com",
        ]
    )
    func rejects(input: String) {
        #expect(EmailAddress(validating: input) == nil)
    }

    @Test("explains invalid addresses")
    func message() {
        #expect(EmailAddress.invalidMessage == "is not a valid email address")
    }
}
