/// The reason a byte sequence was rejected by ``JSONParser``.
///
/// Every error carries the zero-based byte ``offset`` at which the problem was detected and a
/// ``message`` that is safe to return to an API client: it never echoes more than a short,
/// escaped excerpt of the input.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What the parser expected to find where it found something else.
    public enum Expectation: Sendable, Hashable {
        /// Any JSON value.
        case value
        /// A value or the `]` closing an empty array.
        case valueOrArrayEnd
        /// A `,` or the `]` closing the array, after an array element.
        case commaOrArrayEnd
        /// A string key or the `}` closing an empty object.
        case keyOrObjectEnd
        /// A string key, after a `,` in an object.
        case key
        /// The `:` separating an object key from its value.
        case colon
        /// A `,` or the `}` closing the object, after an object member.
        case commaOrObjectEnd
        /// A decimal digit inside a number.
        case digit
        /// The `"` closing a string.
        case closingQuote
        /// Nothing but whitespace after the top-level value.
        case endOfInput
    }

    /// The category of a parse error.
    public enum Kind: Sendable, Hashable {
        /// The input ended while the parser still expected more.
        case unexpectedEndOfInput(expected: Expectation)
        /// A byte that cannot appear at this position.
        case unexpectedCharacter(expected: Expectation)
        /// A literal that is not exactly `true`, `false` or `null`.
        case invalidLiteral
        /// A number with a superfluous leading zero, such as `01`.
        case leadingZero
        /// A backslash escape other than `\" \\ \/ \b \f \n \r \t \uXXXX`.
        case invalidEscape
        /// A `\u` escape of a UTF-16 surrogate that is not part of a high–low pair.
        case unpairedSurrogate
        /// An unescaped byte below `0x20` inside a string.
        case controlCharacterInString
        /// A byte sequence that is not well-formed UTF-8.
        case invalidUTF8
        /// An object key that occurs more than once in the same object.
        case duplicateKey(String)
        /// Arrays and objects nested more than `limit` levels deep.
        case nestingTooDeep(limit: Int)
        /// An input longer than `limit` bytes.
        case inputTooLarge(limit: Int)
        /// A string whose decoded UTF-8 form is longer than `limit` bytes.
        case stringTooLong(limit: Int)
        /// An object with more than `limit` members.
        case tooManyMembers(limit: Int)
        /// An array with more than `limit` elements.
        case tooManyElements(limit: Int)
    }

    /// The longest excerpt of a duplicate key quoted in ``message``, in UTF-8 bytes.
    private static let maxQuotedKeyBytes = 64

    /// The category of the error.
    public let kind: Kind

    /// The zero-based byte offset in the input at which the error was detected.
    public let offset: Int

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - kind: The category of the error.
    ///   - offset: The zero-based byte offset in the input at which the error was detected.
    public init(kind: Kind, offset: Int) {
        self.kind = kind
        self.offset = offset
    }

    /// A one-line, human-readable explanation suitable for an API client, such as
    /// `invalid JSON at byte 17: expected ',' or '}' after object member`.
    public var message: String {
        switch kind {
        case .unexpectedEndOfInput(let expected):
            "invalid JSON at byte \(offset): unexpected end of input, expected \(expected.phrase)"
        case .unexpectedCharacter(let expected):
            "invalid JSON at byte \(offset): expected \(expected.phrase)"
        case .invalidLiteral:
            "invalid JSON at byte \(offset): expected true, false or null"
        case .leadingZero:
            "invalid JSON at byte \(offset): numbers must not have leading zeros"
        case .invalidEscape:
            "invalid JSON at byte \(offset): invalid escape sequence in string"
        case .unpairedSurrogate:
            "invalid JSON at byte \(offset): unpaired UTF-16 surrogate in \\u escape"
        case .controlCharacterInString:
            "invalid JSON at byte \(offset): unescaped control character in string"
        case .invalidUTF8:
            "invalid UTF-8 at byte \(offset)"
        case .duplicateKey(let key):
            "duplicate key \(Self.quoted(key)) at byte \(offset)"
        case .nestingTooDeep(let limit):
            "nesting deeper than \(limit) levels at byte \(offset)"
        case .inputTooLarge(let limit):
            "input larger than \(limit) bytes"
        case .stringTooLong(let limit):
            "string longer than \(limit) bytes at byte \(offset)"
        case .tooManyMembers(let limit):
            "object with more than \(limit) members at byte \(offset)"
        case .tooManyElements(let limit):
            "array with more than \(limit) elements at byte \(offset)"
        }
    }

    /// The same text as ``message``.
    public var description: String {
        message
    }

    /// `key` as an escaped JSON string literal, cut to at most ``maxQuotedKeyBytes`` bytes of
    /// whole Unicode scalars and marked with `...` when shortened.
    private static func quoted(_ key: String) -> String {
        let scalars = key.unicodeScalars
        var end = scalars.startIndex
        var byteCount = 0
        for scalar in scalars {
            byteCount += UTF8.width(scalar)
            if byteCount > maxQuotedKeyBytes {
                break
            }
            end = scalars.index(after: end)
        }
        let isTruncated = end != scalars.endIndex
        var writer = JSONWriter()
        writer.string(String(scalars[..<end]) + (isTruncated ? "..." : ""))
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}

extension JSONParseError.Expectation {
    /// The expectation as it reads after "expected" in an error message.
    fileprivate var phrase: String {
        switch self {
        case .value: "a value"
        case .valueOrArrayEnd: "a value or ']'"
        case .commaOrArrayEnd: "',' or ']' after array element"
        case .keyOrObjectEnd: "a string key or '}'"
        case .key: "a string key"
        case .colon: "':' after object key"
        case .commaOrObjectEnd: "',' or '}' after object member"
        case .digit: "a digit"
        case .closingQuote: "'\"' to close the string"
        case .endOfInput: "end of input after the top-level value"
        }
    }
}

extension JSONParseError {
    /// The error for input that does not continue as `expected` at `offset`: the end of input,
    /// malformed UTF-8, or simply the wrong character.
    static func unexpected(
        in bytes: UnsafeBufferPointer<UInt8>,
        at offset: Int,
        expected: Expectation
    ) -> JSONParseError {
        guard offset < bytes.count else {
            return JSONParseError(kind: .unexpectedEndOfInput(expected: expected), offset: offset)
        }
        if bytes[offset] >= 0x80 && UTF8Validator.endOfSequence(in: bytes, at: offset) == nil {
            return JSONParseError(kind: .invalidUTF8, offset: offset)
        }
        return JSONParseError(kind: .unexpectedCharacter(expected: expected), offset: offset)
    }
}
