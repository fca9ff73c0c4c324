import PrivyJSON
import Testing

/// The string scanners inspect eight bytes at a time; these tests put the byte that matters at
/// every position of a word, with enough input after it for the word-wise path to run.
@Suite("Word-at-a-time string scanning")
struct WordScanningTests {
    private static let positions = Array(0..<24)
    private static let padding = String(repeating: " ", count: 16)

    @Test("closing quote at every position", arguments: positions)
    func closingQuote(position: Int) throws {
        let contents = String(repeating: "a", count: position)
        #expect(try parse("\"\(contents)\"" + Self.padding) == .string(contents))
    }

    @Test("escape at every position", arguments: positions)
    func escape(position: Int) throws {
        let prefix = String(repeating: "a", count: position)
        #expect(try parse("\"\(prefix)\\n\(prefix)\"" + Self.padding) == .string(prefix + "\n" + prefix))
    }

    @Test("non-ASCII at every position", arguments: positions)
    func nonASCII(position: Int) throws {
        let prefix = String(repeating: "a", count: position)
        #expect(try parse("\"\(prefix)é😀\(prefix)\"" + Self.padding) == .string(prefix + "é😀" + prefix))
    }

    @Test("control character at every position", arguments: positions)
    func controlCharacter(position: Int) {
        let bytes =
            [0x22] + [UInt8](repeating: 0x61, count: position) + [0x1F] + [UInt8](repeating: 0x61, count: 16) + [0x22]
        expectRejection(Rejection(bytes: bytes, .controlCharacterInString, at: 1 + position))
    }

    @Test("malformed UTF-8 at every position", arguments: positions)
    func malformedUTF8(position: Int) {
        let bytes =
            [0x22] + [UInt8](repeating: 0x61, count: position) + [0xED, 0xA0, 0x80]
            + [UInt8](repeating: 0x61, count: 16) + [0x22]
        expectRejection(Rejection(bytes: bytes, .invalidUTF8, at: 1 + position))
    }

    @Test("DEL and bytes just above the control range are plain", arguments: positions)
    func boundaryBytes(position: Int) throws {
        let contents = String(repeating: " !#[]~\u{7F}", count: 1 + position / 7)
        #expect(try parse("\"\(contents)\"" + Self.padding) == .string(contents))
        #expect(try parse(JSONValue.string(contents).serializedString()) == .string(contents))
    }

    @Test("writer escapes at every position", arguments: positions)
    func writerEscapes(position: Int) throws {
        let prefix = String(repeating: "a", count: position)
        #expect(JSONValue.string(prefix + "\"" + prefix).serializedString() == "\"\(prefix)\\\"\(prefix)\"")
        #expect(JSONValue.string(prefix + "\u{1}" + prefix).serializedString() == "\"\(prefix)\\u0001\(prefix)\"")
        let mixed = prefix + "é\\\u{1F}\"\t😀" + prefix + "\n"
        #expect(try parse(JSONValue.string(mixed).serializedString()) == .string(mixed))
    }
}
