import TOMLKit

/// A value in the config file, as TOML types it. Settings hold strings, integers and arrays;
/// every other TOML type is kept only to name it in an error.
public enum ConfigFileValue: Sendable, CustomStringConvertible {
    /// A string.
    case string(String)
    /// An integer.
    case integer(Int)
    /// A Boolean.
    case boolean(Bool)
    /// An array.
    case array([ConfigFileValue])
    /// A table, a floating-point number, a date or a time: named by its TOML type.
    case other(String)

    /// Converts a parsed TOML value.
    init(_ value: any TOMLValueConvertible) {
        switch (value.type, value.string, value.int, value.bool, value.array) {
        case (.string, let string?, _, _, _): self = .string(string)
        case (.int, _, let integer?, _, _): self = .integer(integer)
        case (.bool, _, _, let boolean?, _): self = .boolean(boolean)
        case (.array, _, _, _, let array?): self = .array(array.map { ConfigFileValue($0) })
        default: self = .other(value.type.description)
        }
    }

    /// The value as an error message shows it: `"8080"` for a string, `8080` for an integer,
    /// `a table` for a table.
    public var description: String {
        switch self {
        case .string(let text): "\"\(text)\""
        case .integer(let integer): String(integer)
        case .boolean(let boolean): String(boolean)
        case .array(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .other(let type): "a \(type)"
        }
    }
}
