/// An append-only writer of compact JSON text into a byte buffer.
///
/// Output can be built incrementally without materializing a ``JSONValue`` tree; commas and
/// colons are inserted automatically:
///
/// ```swift
/// var writer = JSONWriter()
/// writer.beginObject()
/// writer.key("id")
/// writer.int(42)
/// writer.key("tags")
/// writer.beginArray()
/// writer.string("a")
/// writer.string("b")
/// writer.endArray()
/// writer.endObject()
/// // writer.bytes is {"id":42,"tags":["a","b"]}
/// ```
///
/// Calls must form exactly one well-nested value, with ``key(_:)`` before each object member.
/// Misuse is a programming error caught by assertions in debug builds.
public struct JSONWriter: Sendable {
    /// The kind of container being written.
    private enum Container {
        case topLevel
        case array
        case object
    }

    /// Separator state of one open container.
    private struct Level {
        let container: Container
        /// Whether the container has at least one element or member.
        var isEmpty = true
        /// Whether a key has been written and its value has not.
        var awaitsValue = false
    }

    /// The JSON text written so far, as UTF-8.
    public var bytes: [UInt8]

    private var current = Level(container: .topLevel)
    private var enclosing: [Level] = []

    /// Creates a writer with an empty buffer.
    public init() {
        bytes = []
    }

    /// Reserves buffer space for at least `minimumCapacity` bytes of output.
    ///
    /// - Parameters:
    ///   - minimumCapacity: The number of bytes to reserve.
    public mutating func reserveCapacity(_ minimumCapacity: Int) {
        bytes.reserveCapacity(minimumCapacity)
    }

    /// Writes `{`. Follow with ``key(_:)``–value pairs and ``endObject()``.
    public mutating func beginObject() {
        open(.object, with: ASCII.openBrace)
    }

    /// Writes `}`, closing the innermost object.
    public mutating func endObject() {
        close(.object, with: ASCII.closeBrace)
    }

    /// Writes `[`. Follow with values and ``endArray()``.
    public mutating func beginArray() {
        open(.array, with: ASCII.openBracket)
    }

    /// Writes `]`, closing the innermost array.
    public mutating func endArray() {
        close(.array, with: ASCII.closeBracket)
    }

    /// Writes an object member's key and the `:` after it. The next value written is the
    /// member's value.
    ///
    /// - Parameters:
    ///   - key: The key; escaped as needed.
    public mutating func key(_ key: String) {
        assert(current.container == .object, "JSONWriter: key(_:) outside an object")
        assert(!current.awaitsValue, "JSONWriter: key(_:) twice without a value")
        if !current.isEmpty {
            bytes.append(ASCII.comma)
        }
        current.isEmpty = false
        current.awaitsValue = true
        appendQuoted(key)
        bytes.append(ASCII.colon)
    }

    /// Writes a string value, escaping `"`, `\` and control characters. Other characters,
    /// including non-ASCII ones, are written as UTF-8.
    ///
    /// - Parameters:
    ///   - value: The string.
    public mutating func string(_ value: String) {
        beginValue()
        appendQuoted(value)
    }

    /// Writes a number exactly as its text.
    ///
    /// - Parameters:
    ///   - value: The number; build one from text with `JSONNumber(_:)`, which validates it.
    public mutating func number(_ value: JSONNumber) {
        beginValue()
        bytes.append(contentsOf: value.text.utf8)
    }

    /// Writes an integer in decimal.
    ///
    /// - Parameters:
    ///   - value: The integer.
    @inlinable
    public mutating func int(_ value: some BinaryInteger) {
        if let value = Int64(exactly: value) {
            int64(value)
        } else {
            number(JSONNumber(value))
        }
    }

    /// Writes `true` or `false`.
    ///
    /// - Parameters:
    ///   - value: The Boolean.
    public mutating func bool(_ value: Bool) {
        beginValue()
        appendLiteral(value ? "true" : "false")
    }

    /// Writes `null`.
    public mutating func null() {
        beginValue()
        appendLiteral("null")
    }

    /// Writes a string, or `null` when there is none.
    ///
    /// - Parameters:
    ///   - value: The string, if any.
    public mutating func optionalString(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// Writes an integer, or `null` when there is none.
    ///
    /// - Parameters:
    ///   - value: The integer, if any.
    public mutating func optionalInt(_ value: (some BinaryInteger)?) {
        if let value { int(value) } else { null() }
    }

    /// Writes `true` or `false`, or `null` when there is no value.
    ///
    /// - Parameters:
    ///   - value: The Boolean, if any.
    public mutating func optionalBool(_ value: Bool?) {
        if let value { bool(value) } else { null() }
    }

    /// Writes a complete value, recursing into arrays and objects.
    ///
    /// - Parameters:
    ///   - value: The value.
    public mutating func value(_ value: JSONValue) {
        switch value {
        case .null:
            null()
        case .bool(let bool):
            self.bool(bool)
        case .number(let number):
            self.number(number)
        case .string(let string):
            self.string(string)
        case .array(let elements):
            beginArray()
            for element in elements {
                self.value(element)
            }
            endArray()
        case .object(let object):
            beginObject()
            for (key, member) in object {
                self.key(key)
                self.value(member)
            }
            endObject()
        }
    }

    /// Writes an integer that fits in `Int64` without going through `String`.
    @usableFromInline
    mutating func int64(_ value: Int64) {
        beginValue()
        if value < 0 {
            bytes.append(ASCII.minus)
        }
        let firstDigit = bytes.count
        var magnitude = value.magnitude
        repeat {
            bytes.append(ASCII.zero + UInt8(truncatingIfNeeded: magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[firstDigit...].reverse()
    }

    // MARK: Structure

    /// Emits the separator a value needs at the current position.
    private mutating func beginValue() {
        switch current.container {
        case .topLevel:
            assert(current.isEmpty, "JSONWriter: a document has exactly one top-level value")
        case .array:
            if !current.isEmpty {
                bytes.append(ASCII.comma)
            }
        case .object:
            assert(current.awaitsValue, "JSONWriter: object member value without key(_:)")
            current.awaitsValue = false
        }
        current.isEmpty = false
    }

    /// Writes the opening `bracket` of a new innermost `container`.
    private mutating func open(_ container: Container, with bracket: UInt8) {
        beginValue()
        bytes.append(bracket)
        enclosing.append(current)
        current = Level(container: container)
    }

    /// Writes the closing `bracket` of the innermost container, which must be a `container`.
    private mutating func close(_ container: Container, with bracket: UInt8) {
        assert(current.container == container, "JSONWriter: unbalanced end of \(container)")
        assert(!current.awaitsValue, "JSONWriter: object key without a value")
        bytes.append(bracket)
        current = enclosing.removeLast()
    }

    // MARK: Strings

    /// Appends `string` as a quoted, escaped JSON string literal.
    private mutating func appendQuoted(_ string: String) {
        bytes.append(ASCII.quote)
        var string = string
        string.withUTF8 { utf8 in
            var runStart = 0
            var index = 0
            while index < utf8.count {
                if let base = utf8.baseAddress, utf8.count - index >= 8 {
                    let mask = SWAR.escapeMask(SWAR.load(from: base + index))
                    guard mask != 0 else {
                        index += 8
                        continue
                    }
                    index += mask.trailingZeroBitCount / 8
                } else if !Self.needsEscape(utf8[index]) {
                    index += 1
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                appendEscape(for: utf8[index])
                index += 1
                runStart = index
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(ASCII.quote)
    }

    /// Whether `byte` must be escaped inside a JSON string.
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == ASCII.quote || byte == ASCII.backslash
    }

    /// Appends the bytes of an ASCII literal such as `true`.
    private mutating func appendLiteral(_ literal: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Appends the escape sequence for `"`, `\` or a control character.
    private mutating func appendEscape(for byte: UInt8) {
        bytes.append(ASCII.backslash)
        switch byte {
        case ASCII.quote, ASCII.backslash:
            bytes.append(byte)
        case ASCII.backspace:
            bytes.append(ASCII.lowerB)
        case ASCII.formFeed:
            bytes.append(ASCII.lowerF)
        case ASCII.lineFeed:
            bytes.append(ASCII.lowerN)
        case ASCII.carriageReturn:
            bytes.append(ASCII.lowerR)
        case ASCII.tab:
            bytes.append(ASCII.lowerT)
        default:
            let hexDigits: StaticString = "0123456789abcdef"
            appendLiteral("u00")
            bytes.append(hexDigits.utf8Start[Int(byte >> 4)])
            bytes.append(hexDigits.utf8Start[Int(byte & 0x0F)])
        }
    }
}
