import PrivyDomain
import Testing

@Suite("ContactID")
struct ContactIDTests {
    static let alphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")

    @Test("random identifiers are cus_ and 16 alphanumerics, and validate")
    func randomIdentifiersAreWellFormed() {
        var generator = SeededGenerator(seed: 1)
        for _ in 0..<1_000 {
            let id = ContactID.random(using: &generator)
            #expect(id.rawValue.hasPrefix("cus_"))
            #expect(id.rawValue.count == 20)
            #expect(id.rawValue.dropFirst(4).allSatisfy(Self.alphabet.contains))
            #expect(ContactID(validating: id.rawValue) == id)
        }
    }

    @Test("random identifiers draw from the whole alphabet and only from it")
    func randomIdentifiersCoverTheAlphabet() {
        var generator = SeededGenerator(seed: 2)
        var seen: Set<Character> = []
        for _ in 0..<2_000 {
            seen.formUnion(ContactID.random(using: &generator).rawValue.dropFirst(4))
        }
        #expect(seen == Self.alphabet)
    }

    @Test("the same seed gives the same identifier; different seeds differ")
    func generationFollowsTheGenerator() {
        var first = SeededGenerator(seed: 99)
        var second = SeededGenerator(seed: 99)
        var other = SeededGenerator(seed: 100)
        let id = ContactID.random(using: &first)
        #expect(ContactID.random(using: &second) == id)
        #expect(ContactID.random(using: &other) != id)
        #expect(ContactID.random(using: &first) != id)
    }

    @Test("accepts well-formed identifiers as given", arguments: ["cus_AAAAAAAAAAAAAAAA", "cus_a1B2c3D4e5F6g7H8", "cus_0000000000000000"])
    func accepts(text: String) {
        #expect(ContactID(validating: text)?.rawValue == text)
    }

    @Test(
        "rejects anything else",
        arguments: [
            "", "cus_", "cus_AAAAAAAAAAAAAAA", "cus_AAAAAAAAAAAAAAAAA", "CUS_AAAAAAAAAAAAAAAA", "cux_AAAAAAAAAAAAAAAA",
            "cus-AAAAAAAAAAAAAAAA", "cus_AAAAAAAAAAAAAAA_", "cus_AAAAAAAAAAAAAAA ", " cus_AAAAAAAAAAAAAAAA",
            "cus_AAAAAAAAAAAAAAÉ", "cus_AAAAAAAAAAAAAAAé", "AAAAAAAAAAAAAAAAAAAA",
        ]
    )
    func rejects(text: String) {
        #expect(ContactID(validating: text) == nil)
    }
}
