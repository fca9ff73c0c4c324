/// The parsing engine behind ``JSONParser``: one forward pass over a byte buffer.
///
/// Nesting is tracked on heap-allocated stacks instead of the call stack. Children of open
/// containers accumulate on the shared `values` and `keys` stacks and are moved into an array or
/// object when the container closes.
struct ByteParser {
    /// An array or object that has been opened but not yet closed.
    private struct Frame {
        /// Whether the container is an object (`true`) or an array (`false`).
        let isObject: Bool
        /// The index in `values` of the container's first child.
        let valueBase: Int
        /// The index in `keys` of an object's first key.
        let keyBase: Int
        /// Duplicate detection for an object's keys.
        var keyIndex = JSONKeyIndex()
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let limits: JSONParser.Limits
    private var index = 0
    private var frames: [Frame] = []
    private var values: [JSONValue] = []
    private var keys: [String] = []
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
                frames.append(Frame(isObject: true, valueBase: values.count, keyBase: keys.count))
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
                frames.append(Frame(isObject: false, valueBase: values.count, keyBase: keys.count))
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
            while let isObject = frames.last?.isObject {
                values.append(value)
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
        guard values.count - frames[frames.count - 1].valueBase < limits.maxElements else {
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
        let keyBase = frames[top].keyBase
        guard keys.count - keyBase < limits.maxMembers else {
            throw JSONParseError(kind: .tooManyMembers(limit: limits.maxMembers), offset: keyOffset)
        }
        let key = try parseString()
        guard frames[top].keyIndex.append(key, to: &keys, from: keyBase) else {
            throw JSONParseError(kind: .duplicateKey(key), offset: keyOffset)
        }
        skipWhitespace()
        guard consume(ASCII.colon) else {
            throw .unexpected(in: bytes, at: index, expected: .colon)
        }
    }

    /// Pops the innermost frame, an array, and moves its elements off the value stack.
    private mutating func closeArray() -> [JSONValue] {
        let frame = frames.removeLast()
        let elements = Array(values[frame.valueBase...])
        values.removeSubrange(frame.valueBase...)
        return elements
    }

    /// Pops the innermost frame, an object, and moves its members off the key and value stacks.
    private mutating func closeObject() -> JSONObject {
        let frame = frames.removeLast()
        let object = JSONObject(
            validatedKeys: Array(keys[frame.keyBase...]),
            values: Array(values[frame.valueBase...]),
            keyIndex: frame.keyIndex
        )
        keys.removeSubrange(frame.keyBase...)
        values.removeSubrange(frame.valueBase...)
        return object
    }

    // MARK: Scalars

    /// Parses `literal` (`true`, `false` or `null`) at the current position.
    private mutating func parseLiteral(_ literal: StaticString) throws(JSONParseError) {
        let count = literal.utf8CodeUnitCount
        guard bytes.count - index >= count,
            UnsafeBufferPointer(rebasing: bytes[index ..< index + count]).elementsEqual(
                UnsafeBufferPointer(start: literal.utf8Start, count: count))
        else {
            throw JSONParseError(kind: .invalidLiteral, offset: index)
        }
        index += count
    }

    /// Parses a number at the current position, keeping its text.
    private mutating func parseNumber() throws(JSONParseError) -> JSONNumber {
        let end = try NumberGrammar.scan(bytes, from: index)
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[index ..< end]), as: UTF8.self)
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
        while index < bytes.count {
            let byte = bytes[index]
            if byte == ASCII.quote {
                let run = UnsafeBufferPointer(rebasing: bytes[runStart ..< index])
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
                unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart ..< index]))
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
            unescaped.append(0x08)
        case ASCII.lowerF:
            unescaped.append(0x0C)
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
        for _ in 0 ..< 4 {
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
