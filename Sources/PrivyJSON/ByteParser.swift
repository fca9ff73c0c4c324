/// The parsing engine behind ``JSONParser``: one forward pass over a byte buffer.
///
/// Nesting is tracked on heap-allocated stacks instead of the call stack, so input depth can never
/// overflow it. Children of all open containers accumulate on the shared `elements` and `members`
/// stacks and are moved into their array or object when the container closes.
struct ByteParser: ~Copyable {
    /// An array or object that has been opened but not yet closed.
    private struct Frame {
        /// Whether the container is an object (`true`) or an array (`false`).
        let isObject: Bool
        /// The index in `elements` or `members` of the container's first child.
        let base: Int
        /// Duplicate detection for an object's keys.
        var keyIndex = JSONKeyIndex()
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let limits: JSONParser.Limits
    private var index = 0
    private var frames: [Frame] = []
    /// Elements of all open arrays.
    private var elements = MoveStack<JSONValue>()
    /// Members of all open objects; the newest member holds `.null` until its value is parsed.
    private var members = MoveStack<JSONObject.Member>()
    /// Reused buffer for decoding strings that contain escapes.
    private var unescaped: [UInt8] = []

    /// Creates a parser over `bytes`, which must stay valid while the parser is used.
    init(bytes: UnsafeBufferPointer<UInt8>, limits: JSONParser.Limits) {
        self.bytes = bytes
        self.limits = limits
    }

    /// Parses the whole buffer as one JSON document.
    ///
    /// - Returns: The top-level value.
    /// - Throws: ``JSONParseError`` for the first violation found.
    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        var expected = JSONParseError.Expectation.value
        parsingValues: while true {
            skipWhitespace()
            var value: JSONValue
            switch index < bytes.count ? bytes[index] : 0 {
            case ASCII.openBrace:
                try checkDepth()
                index += 1
                skipWhitespace()
                guard !consume(ASCII.closeBrace) else {
                    value = .object(JSONObject())
                    break
                }
                frames.append(Frame(isObject: true, base: members.count))
                try parseMemberKey(expected: .keyOrObjectEnd)
                expected = .value
                continue parsingValues
            case ASCII.openBracket:
                try checkDepth()
                index += 1
                skipWhitespace()
                guard !consume(ASCII.closeBracket) else {
                    value = .array([])
                    break
                }
                frames.append(Frame(isObject: false, base: elements.count))
                expected = .valueOrArrayEnd
                continue parsingValues
            case ASCII.quote:
                value = .string(try parseString())
            case ASCII.minus, ASCII.zero...ASCII.nine:
                value = .number(try parseNumber())
            case ASCII.lowerT:
                try parseLiteral("true")
                value = .bool(true)
            case ASCII.lowerF:
                try parseLiteral("false")
                value = .bool(false)
            case ASCII.lowerN:
                try parseLiteral("null")
                value = .null
            default:
                throw .unexpected(in: bytes, at: index, expected: expected)
            }

            // `value` is complete: add it to its container, closing containers as far as possible.
            while !frames.isEmpty {
                let isObject = frames[frames.count - 1].isObject
                if isObject {
                    members[members.count - 1].value = value
                } else {
                    elements.push(value)
                }
                skipWhitespace()
                if consume(ASCII.comma) {
                    skipWhitespace()
                    if isObject {
                        try parseMemberKey(expected: .key)
                    } else {
                        try checkElementCount()
                    }
                    expected = .value
                    continue parsingValues
                }
                if isObject && consume(ASCII.closeBrace) {
                    value = .object(closeObject())
                } else if !isObject && consume(ASCII.closeBracket) {
                    value = .array(closeArray())
                } else {
                    throw .unexpected(in: bytes, at: index, expected: isObject ? .commaOrObjectEnd : .commaOrArrayEnd)
                }
            }
            skipWhitespace()
            guard index == bytes.count else {
                throw .unexpected(in: bytes, at: index, expected: .endOfInput)
            }
            return value
        }
    }

    // MARK: Structure

    /// Advances past `byte` if it is next in the input.
    @inline(__always)
    private mutating func consume(_ byte: UInt8) -> Bool {
        guard index < bytes.count && bytes[index] == byte else {
            return false
        }
        index += 1
        return true
    }

    /// Advances past any RFC 8259 whitespace.
    @inline(__always)
    private mutating func skipWhitespace() {
        while index < bytes.count && ASCII.isWhitespace(bytes[index]) {
            index += 1
        }
    }

    /// Rejects opening another container when ``JSONParser/Limits/maxDepth`` are already open.
    private func checkDepth() throws(JSONParseError) {
        guard frames.count < limits.maxDepth else {
            throw JSONParseError(kind: .nestingTooDeep(limit: limits.maxDepth), offset: index)
        }
    }

    /// Rejects another element when the innermost array already has ``JSONParser/Limits/maxElements``.
    private func checkElementCount() throws(JSONParseError) {
        guard elements.count - frames[frames.count - 1].base < limits.maxElements else {
            throw JSONParseError(kind: .tooManyElements(limit: limits.maxElements), offset: index)
        }
    }

    /// Parses `"key" :` for the innermost object and records the key.
    private mutating func parseMemberKey(expected: JSONParseError.Expectation) throws(JSONParseError) {
        let keyOffset = index
        guard index < bytes.count && bytes[index] == ASCII.quote else {
            throw .unexpected(in: bytes, at: index, expected: expected)
        }
        let top = frames.count - 1
        let base = frames[top].base
        guard members.count - base < limits.maxMembers else {
            throw JSONParseError(kind: .tooManyMembers(limit: limits.maxMembers), offset: keyOffset)
        }
        let key = try parseString()
        guard members.withElements(from: base, { frames[top].keyIndex.position(of: key, in: $0) }) == nil else {
            throw JSONParseError(kind: .duplicateKey(key), offset: keyOffset)
        }
        members.push(JSONObject.Member(key: key, value: .null))
        members.withElements(from: base) { frames[top].keyIndex.recordLast(of: $0) }
        skipWhitespace()
        guard consume(ASCII.colon) else {
            throw .unexpected(in: bytes, at: index, expected: .colon)
        }
    }

    /// Pops the innermost frame, an array, and moves its elements off the element stack.
    private mutating func closeArray() -> [JSONValue] {
        elements.pop(from: frames.removeLast().base)
    }

    /// Pops the innermost frame, an object, and moves its members off the member stack.
    private mutating func closeObject() -> JSONObject {
        let frame = frames.removeLast()
        return JSONObject(validatedMembers: members.pop(from: frame.base), keyIndex: frame.keyIndex)
    }

    // MARK: Scalars

    /// Parses `literal` (`true`, `false` or `null`) at the current position.
    private mutating func parseLiteral(_ literal: StaticString) throws(JSONParseError) {
        let count = literal.utf8CodeUnitCount
        guard bytes.count - index >= count,
            UnsafeBufferPointer(rebasing: bytes[index..<index + count]).elementsEqual(
                UnsafeBufferPointer(start: literal.utf8Start, count: count))
        else {
            throw JSONParseError(kind: .invalidLiteral, offset: index)
        }
        index += count
    }

    /// Parses a number at the current position, keeping its text.
    private mutating func parseNumber() throws(JSONParseError) -> JSONNumber {
        let end = try NumberGrammar.scan(bytes, from: index)
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
        index = end
        return JSONNumber(validatedText: text)
    }

    /// Parses a string whose opening quote is at the current position.
    ///
    /// Strings without escapes are created straight from the input bytes; escapes switch to
    /// decoding into the reusable `unescaped` buffer.
    private mutating func parseString() throws(JSONParseError) -> String {
        let openingQuote = index
        index += 1
        var runStart = index
        var hasEscapes = false
        while true {
            skipPlainStringBytes()
            guard index < bytes.count else {
                break
            }
            let byte = bytes[index]
            if byte == ASCII.quote {
                let run = UnsafeBufferPointer(rebasing: bytes[runStart..<index])
                index += 1
                if hasEscapes {
                    unescaped.append(contentsOf: run)
                    try checkStringLength(unescaped.count, at: openingQuote)
                    return String(decoding: unescaped, as: UTF8.self)
                }
                try checkStringLength(run.count, at: openingQuote)
                return String(decoding: run, as: UTF8.self)
            } else if byte == ASCII.backslash {
                if !hasEscapes {
                    hasEscapes = true
                    unescaped.removeAll(keepingCapacity: true)
                }
                unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                try decodeEscape()
                runStart = index
            } else if byte < 0x20 {
                throw JSONParseError(kind: .controlCharacterInString, offset: index)
            } else if byte < 0x80 {
                index += 1
            } else {
                guard let end = UTF8Validator.endOfSequence(in: bytes, at: index) else {
                    throw JSONParseError(kind: .invalidUTF8, offset: index)
                }
                index = end
            }
        }
        throw JSONParseError(kind: .unexpectedEndOfInput(expected: .closingQuote), offset: index)
    }

    /// Advances eight bytes at a time past printable ASCII other than `"` and `\\`, stopping at
    /// the first byte that needs attention or when fewer than eight bytes are left.
    @inline(__always)
    private mutating func skipPlainStringBytes() {
        guard let base = bytes.baseAddress else {
            return
        }
        while bytes.count - index >= 8 {
            let mask = SWAR.stringAttentionMask(SWAR.load(from: base + index))
            guard mask == 0 else {
                index += mask.trailingZeroBitCount / 8
                return
            }
            index += 8
        }
    }

    /// Rejects a decoded string longer than ``JSONParser/Limits/maxStringBytes``.
    ///
    /// - Parameters:
    ///   - length: The decoded length in bytes.
    ///   - offset: The offset of the string's opening quote, for error reporting.
    private func checkStringLength(_ length: Int, at offset: Int) throws(JSONParseError) {
        guard length <= limits.maxStringBytes else {
            throw JSONParseError(kind: .stringTooLong(limit: limits.maxStringBytes), offset: offset)
        }
    }

    /// Decodes the escape sequence whose backslash is at the current position into `unescaped`.
    private mutating func decodeEscape() throws(JSONParseError) {
        let escapeStart = index
        guard index + 1 < bytes.count else {
            throw JSONParseError(kind: .unexpectedEndOfInput(expected: .closingQuote), offset: bytes.count)
        }
        let code = bytes[index + 1]
        index += 2
        switch code {
        case ASCII.quote, ASCII.backslash, ASCII.slash:
            unescaped.append(code)
        case ASCII.lowerB:
            unescaped.append(ASCII.backspace)
        case ASCII.lowerF:
            unescaped.append(ASCII.formFeed)
        case ASCII.lowerN:
            unescaped.append(ASCII.lineFeed)
        case ASCII.lowerR:
            unescaped.append(ASCII.carriageReturn)
        case ASCII.lowerT:
            unescaped.append(ASCII.tab)
        case ASCII.lowerU:
            var codePoint = try parseHexQuad(escapeStart: escapeStart)
            if (0xD800...0xDBFF).contains(codePoint) {
                guard consume(ASCII.backslash) && consume(ASCII.lowerU) else {
                    throw JSONParseError(kind: .unpairedSurrogate, offset: escapeStart)
                }
                let low = try parseHexQuad(escapeStart: index - 2)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw JSONParseError(kind: .unpairedSurrogate, offset: escapeStart)
                }
                codePoint = 0x10000 + (codePoint - 0xD800) << 10 + (low - 0xDC00)
            }
            // Only a lone low surrogate is left that is not a scalar value.
            guard let scalar = Unicode.Scalar(codePoint) else {
                throw JSONParseError(kind: .unpairedSurrogate, offset: escapeStart)
            }
            unescaped.append(contentsOf: scalar.utf8)
        default:
            throw JSONParseError(kind: .invalidEscape, offset: escapeStart)
        }
    }

    /// Parses the four hex digits of a `\u` escape.
    ///
    /// - Parameters:
    ///   - escapeStart: The offset of the escape's backslash, for error reporting.
    private mutating func parseHexQuad(escapeStart: Int) throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count else {
                throw JSONParseError(kind: .unexpectedEndOfInput(expected: .closingQuote), offset: index)
            }
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case ASCII.zero...ASCII.nine:
                digit = byte - ASCII.zero
            case ASCII.lowerA...ASCII.lowerF:
                digit = byte - ASCII.lowerA + 10
            case ASCII.upperA...ASCII.upperF:
                digit = byte - ASCII.upperA + 10
            default:
                throw JSONParseError(kind: .invalidEscape, offset: escapeStart)
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }
}
