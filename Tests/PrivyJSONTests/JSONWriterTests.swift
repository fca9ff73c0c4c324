import PrivyJSON
import Testing

@Suite("JSONWriter")
struct JSONWriterTests {
    private static let shortEscapes: [UInt8: String] = [
        0x08: #"\b"#, 0x09: #"\t"#, 0x0A: #"\n"#, 0x0C: #"\f"#, 0x0D: #"\r"#,
    ]

    private func written(_ build: (inout JSONWriter) -> Void) -> String {
        var writer = JSONWriter()
        build(&writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    @Test("escapes every control character", arguments: UInt8(0x00)...UInt8(0x1F))
    func controlCharacter(byte: UInt8) throws {
        let string = "a" + String(UnicodeScalar(byte)) + "b"
        let hex = String(byte, radix: 16)
        let escape = Self.shortEscapes[byte] ?? #"\u00"# + (hex.count == 1 ? "0" + hex : hex)
        let json = written { $0.string(string) }
        #expect(json == "\"a\(escape)b\"")
        #expect(try parse(json) == .string(string))
    }

    @Test(
        "escapes quote and backslash only; other characters pass through as UTF-8",
        arguments: [
            ("\"", #""\"""#), ("\\", #""\\""#), ("/", #""/""#), ("\u{7F}", "\"\u{7F}\""),
            ("é€😀", "\"é€😀\""), ("\u{2028}", "\"\u{2028}\""), ("", #""""#),
            ("say \"hi\"\n\\o/", #""say \"hi\"\n\\o/""#),
        ])
    func stringEscaping(input: String, expected: String) throws {
        #expect(written { $0.string(input) } == expected)
        #expect(try parse(expected) == .string(input))
    }

    @Test("inserts commas at every nesting level")
    func commas() {
        let json = written { writer in
            writer.beginObject()
            writer.key("id")
            writer.int(7)
            writer.key("tags")
            writer.beginArray()
            writer.string("a")
            writer.beginArray()
            writer.endArray()
            writer.beginObject()
            writer.endObject()
            writer.beginArray()
            writer.null()
            writer.bool(true)
            writer.endArray()
            writer.string("b")
            writer.endArray()
            writer.key("nested")
            writer.beginObject()
            writer.key("x")
            writer.beginObject()
            writer.key("y")
            writer.bool(false)
            writer.endObject()
            writer.key("z")
            writer.number(JSONNumber("12.50")!)
            writer.endObject()
            writer.key("last")
            writer.null()
            writer.endObject()
        }
        #expect(
            json == #"{"id":7,"tags":["a",[],{},[null,true],"b"],"nested":{"x":{"y":false},"z":12.50},"last":null}"#)
    }

    @Test("empty containers and top-level scalars")
    func emptyAndScalars() {
        #expect(
            written {
                $0.beginObject()
                $0.endObject()
            } == "{}")
        #expect(
            written {
                $0.beginArray()
                $0.endArray()
            } == "[]")
        #expect(written { $0.null() } == "null")
        #expect(written { $0.bool(false) } == "false")
    }

    @Test(
        "writes integers of every width exactly",
        arguments: [
            (Int64.min, "-9223372036854775808"), (Int64.max, "9223372036854775807"), (0, "0"), (-1, "-1"), (10, "10"),
            (1_000_000, "1000000"),
        ])
    func integers(value: Int64, expected: String) {
        #expect(written { $0.int(value) } == expected)
    }

    @Test("writes integers wider than Int64 through their text")
    func wideIntegers() {
        #expect(written { $0.int(UInt64.max) } == "18446744073709551615")
        #expect(written { $0.int(UInt8(255)) } == "255")
        #expect(
            written {
                $0.beginArray()
                $0.int(Int32.min)
                $0.int(UInt64.max)
                $0.endArray()
            } == "[-2147483648,18446744073709551615]")
    }

    @Test("value(_:) matches the incremental API")
    func valueTree() {
        let tree: JSONValue = ["a": [1, "two", ["three": .null]], "b": [:], "c": []]
        #expect(written { $0.value(tree) } == #"{"a":[1,"two",{"three":null}],"b":{},"c":[]}"#)
    }

    @Test("appends to reserved, existing output")
    func appends() {
        var writer = JSONWriter()
        writer.reserveCapacity(64)
        writer.beginArray()
        writer.string("x")
        writer.value(["k": "v"])
        writer.endArray()
        #expect(writer.bytes == Array(#"["x",{"k":"v"}]"#.utf8))
    }
}
