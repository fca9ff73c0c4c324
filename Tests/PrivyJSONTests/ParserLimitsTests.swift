import PrivyJSON
import Testing

@Suite("Parser limits")
struct ParserLimitsTests {
    @Test("10,000 nested arrays are rejected at the 65th level without crashing")
    func deepArrays() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        expectRejection(Rejection(text, .nestingTooDeep(limit: 64), at: 64))
    }

    @Test("10,000 nested objects are rejected at the 65th level without crashing")
    func deepObjects() {
        let text = String(repeating: #"{"a":"#, count: 10_000) + "1" + String(repeating: "}", count: 10_000)
        expectRejection(Rejection(text, .nestingTooDeep(limit: 64), at: 64 * 5))
    }

    @Test("nesting exactly at the limit is accepted, including empty containers")
    func depthAtLimit() throws {
        let arrays = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(try parse(arrays).serializedString() == arrays)
        let mixed = "[{\"a\":[{}]}]"
        #expect(try parse(mixed, limits: .init(maxDepth: 4)).serializedString() == mixed)
        expectRejection(Rejection(mixed, .nestingTooDeep(limit: 3), at: 7), limits: .init(maxDepth: 3))
    }

    @Test("a generous depth limit still parses iteratively")
    func iterativeDepth() {
        let text = String(repeating: "[", count: 50_000)
        expectRejection(
            Rejection(text, .unexpectedEndOfInput(expected: .valueOrArrayEnd), at: 50_000),
            limits: .init(maxDepth: 100_000))
    }

    @Test("inputs over maxBytes are rejected before parsing")
    func maxBytes() throws {
        let limits = JSONParser.Limits(maxBytes: 8)
        #expect(try parse("[1,2,3] ", limits: limits) == [1, 2, 3])
        expectRejection(Rejection("[1,2,3]  ", .inputTooLarge(limit: 8), at: 8), limits: limits)
        #expect(throws: JSONParseError(kind: .inputTooLarge(limit: 8), offset: 8)) {
            try JSONParser(limits: limits).parse(Array("[1,2,3]  ".utf8).lazy.map { $0 })
        }
    }

    @Test("the default maxBytes is 1 MiB")
    func defaultMaxBytes() throws {
        let fits = [UInt8](repeating: 0x20, count: 1 << 20 - 1) + [0x30]
        #expect(try JSONParser.parse(fits) == 0)
        expectRejection(Rejection(bytes: fits + [0x20], .inputTooLarge(limit: 1 << 20), at: 1 << 20))
    }

    @Test("numbers of any length are kept as text")
    func longNumber() throws {
        let digits = "-" + String(repeating: "9", count: 100_000) + ".5e-99999"
        #expect(try parse(digits) == .number(JSONNumber(digits)!))
    }

    @Test("maxStringBytes bounds decoded strings and keys")
    func maxStringBytes() throws {
        let limits = JSONParser.Limits(maxStringBytes: 4)
        #expect(try parse(#"["abcd","\u0041bcd","\u00e9\u00e9"]"#, limits: limits) == ["abcd", "Abcd", "éé"])
        expectRejection(Rejection(#"["abcde"]"#, .stringTooLong(limit: 4), at: 1), limits: limits)
        expectRejection(Rejection(#"["abc\n\t"]"#, .stringTooLong(limit: 4), at: 1), limits: limits)
        expectRejection(Rejection(#"["ééé"]"#, .stringTooLong(limit: 4), at: 1), limits: limits)
        expectRejection(Rejection(#"{"keyed":1}"#, .stringTooLong(limit: 4), at: 1), limits: limits)
    }

    @Test("maxMembers bounds each object")
    func maxMembers() throws {
        let limits = JSONParser.Limits(maxMembers: 2)
        #expect(try parse(#"{"a":1,"b":{"c":3,"d":4}}"#, limits: limits) == ["a": 1, "b": ["c": 3, "d": 4]])
        expectRejection(Rejection(#"{"a":1,"b":2,"c":3}"#, .tooManyMembers(limit: 2), at: 13), limits: limits)
    }

    @Test("maxElements bounds each array")
    func maxElements() throws {
        let limits = JSONParser.Limits(maxElements: 2)
        #expect(try parse("[[1,2],[3,4]]", limits: limits) == [[1, 2], [3, 4]])
        expectRejection(Rejection("[1,2,3]", .tooManyElements(limit: 2), at: 5), limits: limits)
        expectRejection(Rejection("[[1,2,3]]", .tooManyElements(limit: 2), at: 6), limits: limits)
    }
}
