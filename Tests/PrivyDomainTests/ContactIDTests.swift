import PrivyDomain
import Testing

@Suite("ContactID")
struct ContactIDTests {
    static let alphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")

    @Test("new identifiers are cus_ and 16 alphanumerics, and validate")
    func newIdentifiersAreWellFormed() {
        var generator = SeededGenerator(seed: 1)
        for step in 0..<1_000 {
            let instant = Timestamp(microsecondsSinceEpoch: Instants.created.microsecondsSinceEpoch + Int64(step) * 7_919_000)
            let id = ContactID.timeOrdered(at: instant, using: &generator)
            #expect(id.rawValue.hasPrefix("cus_"))
            #expect(id.rawValue.count == 20)
            #expect(id.rawValue.dropFirst(4).allSatisfy(Self.alphabet.contains))
            #expect(ContactID(validating: id.rawValue) == id)
        }
    }

    @Test("the random half draws from the whole alphabet and only from it")
    func randomHalfCoversTheAlphabet() {
        var generator = SeededGenerator(seed: 2)
        var seen: Set<Character> = []
        for _ in 0..<2_000 {
            seen.formUnion(ContactID.timeOrdered(at: Instants.created, using: &generator).rawValue.dropFirst(12))
        }
        #expect(seen == Self.alphabet)
    }

    @Test("identifiers sort by creation millisecond, byte for byte as LMDB compares keys")
    func identifiersSortByCreationTime() {
        var generator = SeededGenerator(seed: 3)
        let instants: [Int64] = [0, 1_000, 61_999, 62_000, 1_795_342_530_000_000, 1_795_342_530_001_000, 1_795_342_530_999_999, 4_102_444_800_000_000]
        let ids = instants.map { ContactID.timeOrdered(at: Timestamp(microsecondsSinceEpoch: $0), using: &generator) }
        for (earlier, later) in zip(ids, ids.dropFirst()) {
            #expect(Array(earlier.rawValue.utf8).lexicographicallyPrecedes(Array(later.rawValue.utf8)), "\(earlier.rawValue) < \(later.rawValue)")
        }
        #expect(ids[0].rawValue.hasPrefix("cus_00000000"))
        #expect(ContactID.timeOrdered(at: Timestamp(microsecondsSinceEpoch: -5), using: &generator).rawValue.hasPrefix("cus_00000000"))
    }

    @Test("the same seed and instant give the same identifier; different seeds differ")
    func generationFollowsTheGenerator() {
        var first = SeededGenerator(seed: 99)
        var second = SeededGenerator(seed: 99)
        var other = SeededGenerator(seed: 100)
        let id = ContactID.timeOrdered(at: Instants.created, using: &first)
        #expect(ContactID.timeOrdered(at: Instants.created, using: &second) == id)
        #expect(ContactID.timeOrdered(at: Instants.created, using: &other) != id)
        #expect(ContactID.timeOrdered(at: Instants.created, using: &first) != id)
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
