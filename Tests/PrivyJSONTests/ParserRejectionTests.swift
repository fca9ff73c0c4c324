import PrivyJSON
import Testing

@Suite("Parser rejects invalid JSON")
struct ParserRejectionTests {
    @Test(
        "structural errors",
        arguments: [
            Rejection("", .unexpectedEndOfInput(expected: .value), at: 0),
            Rejection("   ", .unexpectedEndOfInput(expected: .value), at: 3),
            Rejection("[", .unexpectedEndOfInput(expected: .valueOrArrayEnd), at: 1),
            Rejection("[1", .unexpectedEndOfInput(expected: .commaOrArrayEnd), at: 2),
            Rejection("{", .unexpectedEndOfInput(expected: .keyOrObjectEnd), at: 1),
            Rejection(#"{"a""#, .unexpectedEndOfInput(expected: .colon), at: 4),
            Rejection(#"{"a":"#, .unexpectedEndOfInput(expected: .value), at: 5),
            Rejection(#"{"a":1"#, .unexpectedEndOfInput(expected: .commaOrObjectEnd), at: 6),
            Rejection("[1 2]", .unexpectedCharacter(expected: .commaOrArrayEnd), at: 3),
            Rejection(#"{"a":1 "b":2}"#, .unexpectedCharacter(expected: .commaOrObjectEnd), at: 7),
            Rejection(#"{"a" 1}"#, .unexpectedCharacter(expected: .colon), at: 5),
            Rejection("{1:2}", .unexpectedCharacter(expected: .keyOrObjectEnd), at: 1),
            Rejection("{a:1}", .unexpectedCharacter(expected: .keyOrObjectEnd), at: 1),
            Rejection("[}", .unexpectedCharacter(expected: .valueOrArrayEnd), at: 1),
            Rejection(#"{"a":1]"#, .unexpectedCharacter(expected: .commaOrObjectEnd), at: 6),
            Rejection("'a'", .unexpectedCharacter(expected: .value), at: 0),
            Rejection("\u{C}1", .unexpectedCharacter(expected: .value), at: 0),
            Rejection("\u{FEFF}1", .unexpectedCharacter(expected: .value), at: 0),
            Rejection("é", .unexpectedCharacter(expected: .value), at: 0),
        ])
    func structure(rejection: Rejection) {
        expectRejection(rejection)
    }

    @Test(
        "trailing commas",
        arguments: [
            Rejection("[1,]", .unexpectedCharacter(expected: .value), at: 3),
            Rejection("[1,,2]", .unexpectedCharacter(expected: .value), at: 3),
            Rejection("[,1]", .unexpectedCharacter(expected: .valueOrArrayEnd), at: 1),
            Rejection(#"{"a":1,}"#, .unexpectedCharacter(expected: .key), at: 7),
            Rejection(#"{"a":1 , }"#, .unexpectedCharacter(expected: .key), at: 9),
            Rejection("{,}", .unexpectedCharacter(expected: .keyOrObjectEnd), at: 1),
        ])
    func trailingCommas(rejection: Rejection) {
        expectRejection(rejection)
    }

    @Test(
        "exactly one top-level value",
        arguments: [
            Rejection("1 2", .unexpectedCharacter(expected: .endOfInput), at: 2),
            Rejection("{}{}", .unexpectedCharacter(expected: .endOfInput), at: 2),
            Rejection("[] x", .unexpectedCharacter(expected: .endOfInput), at: 3),
            Rejection("\"a\",", .unexpectedCharacter(expected: .endOfInput), at: 3),
            Rejection("0x10", .unexpectedCharacter(expected: .endOfInput), at: 1),
            Rejection("truex", .unexpectedCharacter(expected: .endOfInput), at: 4),
            Rejection("1.5.3", .unexpectedCharacter(expected: .endOfInput), at: 3),
        ])
    func singleValue(rejection: Rejection) {
        expectRejection(rejection)
    }

    @Test(
        "comments",
        arguments: [
            Rejection("// c\n1", .unexpectedCharacter(expected: .value), at: 0),
            Rejection("/* c */ 1", .unexpectedCharacter(expected: .value), at: 0),
            Rejection("[1 /* c */]", .unexpectedCharacter(expected: .commaOrArrayEnd), at: 3),
            Rejection("1 # c", .unexpectedCharacter(expected: .endOfInput), at: 2),
        ])
    func comments(rejection: Rejection) {
        expectRejection(rejection)
    }

    @Test(
        "literals, NaN and Infinity",
        arguments: [
            Rejection("NaN", .unexpectedCharacter(expected: .value), at: 0),
            Rejection("Infinity", .unexpectedCharacter(expected: .value), at: 0),
            Rejection("-Infinity", .unexpectedCharacter(expected: .digit), at: 1),
            Rejection("[nan]", .invalidLiteral, at: 1),
            Rejection("True", .unexpectedCharacter(expected: .value), at: 0),
            Rejection("tru", .invalidLiteral, at: 0),
            Rejection("nul", .invalidLiteral, at: 0),
            Rejection("fals e", .invalidLiteral, at: 0),
            Rejection("[nulL]", .invalidLiteral, at: 1),
        ])
    func literals(rejection: Rejection) {
        expectRejection(rejection)
    }

    @Test(
        "number grammar",
        arguments: [
            Rejection("01", .leadingZero, at: 0),
            Rejection("-012", .leadingZero, at: 1),
            Rejection("[00]", .leadingZero, at: 1),
            Rejection("-", .unexpectedEndOfInput(expected: .digit), at: 1),
            Rejection("- 1", .unexpectedCharacter(expected: .digit), at: 1),
            Rejection("1.", .unexpectedEndOfInput(expected: .digit), at: 2),
            Rejection("1.e5", .unexpectedCharacter(expected: .digit), at: 2),
            Rejection("1e", .unexpectedEndOfInput(expected: .digit), at: 2),
            Rejection("1e+", .unexpectedEndOfInput(expected: .digit), at: 3),
            Rejection("[1E-]", .unexpectedCharacter(expected: .digit), at: 4),
            Rejection(".5", .unexpectedCharacter(expected: .value), at: 0),
            Rejection("+1", .unexpectedCharacter(expected: .value), at: 0),
        ])
    func numbers(rejection: Rejection) {
        expectRejection(rejection)
    }

    @Test(
        "strings and escapes",
        arguments: [
            Rejection(#""abc"#, .unexpectedEndOfInput(expected: .closingQuote), at: 4),
            Rejection(#""\"#, .unexpectedEndOfInput(expected: .closingQuote), at: 2),
            Rejection(#""\u12"#, .unexpectedEndOfInput(expected: .closingQuote), at: 5),
            Rejection(#""a\x""#, .invalidEscape, at: 2),
            Rejection(#""\'""#, .invalidEscape, at: 1),
            Rejection(#""\U0041""#, .invalidEscape, at: 1),
            Rejection(#""\u12G4""#, .invalidEscape, at: 1),
            Rejection(#""\u12""#, .invalidEscape, at: 1),
            Rejection(#""\uD800\u12""#, .invalidEscape, at: 7),
        ])
    func escapes(rejection: Rejection) {
        expectRejection(rejection)
    }

    @Test(
        "unpaired surrogate escapes",
        arguments: [
            Rejection(#""\uD800""#, .unpairedSurrogate, at: 1),
            Rejection(#""\uDBFF""#, .unpairedSurrogate, at: 1),
            Rejection(#""\uDC00""#, .unpairedSurrogate, at: 1),
            Rejection(#""\uDFFF\uD800""#, .unpairedSurrogate, at: 1),
            Rejection(#""ab\uD800x""#, .unpairedSurrogate, at: 3),
            Rejection(#""\uD800\u0041""#, .unpairedSurrogate, at: 1),
            Rejection(#""\uD800\uD800""#, .unpairedSurrogate, at: 1),
            Rejection(#""\uD800\n""#, .unpairedSurrogate, at: 1),
            Rejection(#""\uD83D"#, .unpairedSurrogate, at: 1),
        ])
    func surrogates(rejection: Rejection) {
        expectRejection(rejection)
    }

    @Test("every unescaped control character inside a string", arguments: UInt8(0x00)...UInt8(0x1F))
    func controlCharacters(byte: UInt8) {
        expectRejection(Rejection(bytes: [0x22, 0x61, byte, 0x22], .controlCharacterInString, at: 2))
        expectRejection(
            Rejection(bytes: Array(#"{"k"#.utf8) + [byte] + Array(#"":1}"#.utf8), .controlCharacterInString, at: 3))
    }

    @Test(
        "malformed UTF-8 inside strings",
        arguments: [
            [0xC0, 0x80],  // overlong NUL
            [0xC1, 0xBF],  // overlong
            [0xE0, 0x80, 0xAF],  // overlong 3-byte
            [0xE0, 0x9F, 0xBF],  // overlong 3-byte, highest
            [0xF0, 0x80, 0x80, 0xAF],  // overlong 4-byte
            [0xF0, 0x8F, 0xBF, 0xBF],  // overlong 4-byte, highest
            [0xED, 0xA0, 0x80],  // encoded surrogate U+D800
            [0xED, 0xBF, 0xBF],  // encoded surrogate U+DFFF
            [0xF4, 0x90, 0x80, 0x80],  // U+110000
            [0xF5, 0x80, 0x80, 0x80],  // lead byte beyond U+10FFFF
            [0xF8, 0x88, 0x80, 0x80, 0x80],  // five-byte form
            [0xFE], [0xFF],
            [0x80],  // lone continuation
            [0xBF, 0x80],
            [0xC3],  // truncated 2-byte
            [0xE2, 0x82],  // truncated 3-byte
            [0xF0, 0x9F, 0x98],  // truncated 4-byte
            [0xC3, 0x41],  // continuation replaced by ASCII
            [0xE2, 0x28, 0xA1],
        ] as [[UInt8]])
    func malformedUTF8(sequence: [UInt8]) {
        expectRejection(Rejection(bytes: quoted([0x61] + sequence + [0x62]), .invalidUTF8, at: 2))
        expectRejection(
            Rejection(bytes: Array(#"{"#.utf8) + quoted(sequence) + Array(#":1}"#.utf8), .invalidUTF8, at: 2))
        expectRejection(Rejection(bytes: Array(#"["\n","#.utf8) + quoted(sequence) + [0x5D], .invalidUTF8, at: 7))
    }

    @Test(
        "malformed UTF-8 outside strings and at end of input",
        arguments: [
            Rejection(bytes: [0xFF], .invalidUTF8, at: 0),
            Rejection(bytes: [0x5B, 0x31, 0xC0, 0x80, 0x5D], .invalidUTF8, at: 2),
            Rejection(bytes: [0x31, 0x20, 0xED, 0xA0, 0x80], .invalidUTF8, at: 2),
            Rejection(bytes: [0x7B, 0x22, 0x61, 0x22, 0x80], .invalidUTF8, at: 4),
            Rejection(bytes: [0x22, 0xE2, 0x82], .invalidUTF8, at: 1),
            Rejection(bytes: [0x22, 0xF0], .invalidUTF8, at: 1),
            Rejection(bytes: [0x2D, 0xC0], .invalidUTF8, at: 1),
        ])
    func malformedUTF8Elsewhere(rejection: Rejection) {
        expectRejection(rejection)
    }

    @Test(
        "duplicate keys",
        arguments: [
            Rejection(#"{"email":"a","email":"b"}"#, .duplicateKey("email"), at: 13),
            Rejection(#"{"a":1,"b":2,"a":3}"#, .duplicateKey("a"), at: 13),
            Rejection(#"{"a":1,"\u0061":2}"#, .duplicateKey("a"), at: 7),
            Rejection(#"{"":1,"":2}"#, .duplicateKey(""), at: 6),
            Rejection(#"[{"x":{"y":1,"y":2}}]"#, .duplicateKey("y"), at: 13),
            Rejection(#"{"é":1,"e\u0301":2}"#, .duplicateKey("e\u{301}"), at: 8),
        ])
    func duplicateKeys(rejection: Rejection) {
        expectRejection(rejection)
    }

    @Test("duplicate keys in large objects", arguments: [0, 15, 16, 30])
    func duplicateKeysInLargeObject(duplicatedIndex: Int) {
        let members = (0..<40).map { #""key\#($0)":\#($0)"# }
        let prefix = "{" + members.joined(separator: ",") + ","
        let text = prefix + #""key\#(duplicatedIndex)":0}"#
        expectRejection(Rejection(text, .duplicateKey("key\(duplicatedIndex)"), at: prefix.utf8.count))
    }
}
