import Logging
import PrivyJSON

/// One log event written as a line of UTF-8 in a ``LogFormat``: the time, the level, the message,
/// then the metadata sorted by key. Control characters are escaped, so an event is always one line.
struct LogLine {
    /// Hummingbird's request-id key, written as ``requestIDKey``.
    static let hummingbirdRequestIDKey = "hb.request.id"
    /// The key request ids are written under, as in the error envelope and consent audit events.
    static let requestIDKey = "request_id"

    /// Characters that make a logfmt value quoted, besides spaces and control characters.
    private static let quoted: Set<UInt8> = [UInt8(ascii: "="), UInt8(ascii: "\""), UInt8(ascii: "\\")]

    /// The line, ending in a newline.
    private(set) var bytes: [UInt8] = []

    /// Writes an event.
    /// - Parameters:
    ///   - format: the line's format.
    ///   - time: the event's time, RFC 3339 in UTC.
    ///   - level: the level's name.
    ///   - message: the message.
    ///   - metadata: the metadata.
    init(format: LogFormat, time: String, level: String, message: String, metadata: Logger.Metadata) {
        bytes.reserveCapacity(128 + message.utf8.count)
        let fields = metadata.map { (key: $0.key == Self.hummingbirdRequestIDKey ? Self.requestIDKey : $0.key, value: $0.value) }
            .sorted { $0.key < $1.key }
        switch format {
        case .text:
            append(time)
            append(" " + level + " ")
            appendEscaped(message, quoting: false)
            for field in fields { appendPair(field.key, field.value.description) }
        case .logfmt:
            append("ts=" + time + " level=" + level)
            appendPair("msg", message)
            for field in fields { appendPair(field.key, field.value.description) }
        case .json:
            var writer = JSONWriter()
            writer.beginObject()
            writer.key("ts")
            writer.string(time)
            writer.key("level")
            writer.string(level)
            writer.key("msg")
            writer.string(message)
            for field in fields {
                writer.key(field.key)
                Self.write(field.value, to: &writer)
            }
            writer.endObject()
            bytes = writer.bytes
        }
        bytes.append(UInt8(ascii: "\n"))
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// ` key=value`, the value quoted when it is empty or holds a space, `=`, `"`, `\` or a control character.
    private mutating func appendPair(_ key: String, _ value: String) {
        append(" " + key + "=")
        let needsQuotes = value.isEmpty || value.utf8.contains { $0 <= 0x20 || $0 == 0x7F || Self.quoted.contains($0) }
        appendEscaped(value, quoting: needsQuotes)
    }

    /// `text` with `\`, `"` (when quoting) and control characters escaped as in JSON, so it stays on one line.
    private mutating func appendEscaped(_ text: String, quoting: Bool) {
        if quoting { bytes.append(UInt8(ascii: "\"")) }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), byte]
            case UInt8(ascii: "\"") where quoting: bytes += [UInt8(ascii: "\\"), byte]
            case UInt8(ascii: "\n"): bytes += Array("\\n".utf8)
            case UInt8(ascii: "\r"): bytes += Array("\\r".utf8)
            case UInt8(ascii: "\t"): bytes += Array("\\t".utf8)
            case 0..<0x20, 0x7F: bytes += Array("\\u00".utf8) + Self.hexDigits(byte)
            default: bytes.append(byte)
            }
        }
        if quoting { bytes.append(UInt8(ascii: "\"")) }
    }

    private static func hexDigits(_ byte: UInt8) -> [UInt8] {
        let digits = Array("0123456789abcdef".utf8)
        return [digits[Int(byte >> 4)], digits[Int(byte & 0xF)]]
    }

    /// A metadata value in JSON: strings as strings, numbers and Booleans as themselves, lists
    /// and dictionaries as arrays and objects.
    private static func write(_ value: Logger.MetadataValue, to writer: inout JSONWriter) {
        switch value {
        case .string(let text):
            writer.string(text)
        case .stringConvertible(let flag as Bool):
            writer.bool(flag)
        case .stringConvertible(let value):
            if value is any Numeric, let number = JSONNumber(value.description) { writer.number(number) } else { writer.string(value.description) }
        case .array(let items):
            writer.beginArray()
            for item in items { write(item, to: &writer) }
            writer.endArray()
        case .dictionary(let dictionary):
            writer.beginObject()
            for (key, item) in dictionary.sorted(by: { $0.key < $1.key }) {
                writer.key(key)
                write(item, to: &writer)
            }
            writer.endObject()
        }
    }
}
