import PrivyJSON
import Testing

@Suite("Parser accepts valid JSON")
struct ParserAcceptanceTests {
    @Test("scalars at top level")
    func scalars() throws {
        #expect(try parse("null") == .null)
        #expect(try parse("true") == .bool(true))
        #expect(try parse("false") == .bool(false))
        #expect(try parse("42") == .number(JSONNumber("42")!))
        #expect(try parse("\"hi\"") == .string("hi"))
    }

    @Test("whitespace around and between tokens")
    func whitespace() throws {
        let value = try parse(" \t\r\n{ \"a\" :\n[ 1 ,\t2 ] , \"b\" : { } , \"c\" : [ ] }\r\n ")
        #expect(value == ["a": [1, 2], "b": .object([:]), "c": []])
    }

    @Test("nested structure keeps member order")
    func nested() throws {
        let value = try parse(#"{"z":1,"a":{"y":[true,false,null],"b":"x"},"m":[]}"#)
        guard case .object(let object) = value else {
            Issue.record("expected an object")
            return
        }
        #expect(object.keys == ["z", "a", "m"])
        #expect(object["a"] == ["y": [true, false, .null], "b": "x"])
    }

    @Test(
        "numbers keep their exact text",
        arguments: [
            "0", "-0", "0.10", "-0.0", "1e400", "-1E-400", "1E+2", "2.5e-0010",
            "123456789012345678901234567890", "-123456789012345678901234567890.000000000000000000001",
            "9007199254740993", "0.1000000000000000055511151231257827",
        ])
    func numberText(text: String) throws {
        #expect(try parse(text) == .number(JSONNumber(text)!))
        #expect(try parse("[\(text)]").serializedString() == "[\(text)]")
    }

    @Test(
        "string escapes are decoded",
        arguments: [
            (#""\"\\\/\b\f\n\r\t""#, "\"\\/\u{8}\u{C}\n\r\t"),
            (#""\u0041\u00e9\u20AC""#, "Aé€"),
            (#""\u0000""#, "\u{0}"),
            (#""\uD83D\uDE00""#, "😀"),
            (#""\ud83d\ude00""#, "😀"),
            (#""\uDBFF\uDFFF""#, "\u{10FFFF}"),
            (#""a\nb\u0020c""#, "a\nb c"),
            (#""plain é 😀""#, "plain é 😀"),
        ])
    func escapes(input: String, expected: String) throws {
        #expect(try parse(input) == .string(expected))
    }

    @Test(
        "well-formed UTF-8 at every encoding boundary",
        arguments: [
            [0x7F], [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF],
            [0xEE, 0x80, 0x80], [0xEF, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
        ] as [[UInt8]])
    func utf8Boundaries(sequence: [UInt8]) throws {
        let value = try JSONParser.parse(quoted(sequence))
        #expect(value == .string(String(decoding: sequence, as: UTF8.self)))
    }

    @Test("strings after escapes reuse the decode buffer correctly")
    func consecutiveEscapedStrings() throws {
        let value = try parse(#"["a\nlonger string", "\tb", "plain", "\u00e9"]"#)
        #expect(value == ["a\nlonger string", "\tb", "plain", "é"])
    }

    @Test("every input overload gives the same result")
    func overloads() throws {
        let text = #"{"k":[1,"v",{"n":null}]}"#
        let bytes = Array(text.utf8)
        let expected = try JSONParser.parse(bytes)
        #expect(try JSONParser.parse(text.utf8) == expected)
        #expect(try JSONParser.parse(bytes[...]) == expected)
        #expect(try bytes.withUnsafeBytes { raw in try JSONParser.parse(raw) } == expected)
        #expect(try JSONParser.parse(bytes.lazy.map { $0 }) == expected)
        #expect(try JSONParser(limits: .init(maxDepth: 3)).parse(text.utf8) == expected)
        #expect(throws: JSONParseError(kind: .nestingTooDeep(limit: 2), offset: 12)) {
            try JSONParser(limits: .init(maxDepth: 2)).parse(text.utf8)
        }
    }

    @Test("the same key may appear in different objects")
    func sameKeyInSiblings() throws {
        let value = try parse(#"{"a":{"a":1},"b":[{"a":1},{"a":2}]}"#)
        #expect(value == ["a": ["a": 1], "b": [["a": 1], ["a": 2]]])
    }
}
