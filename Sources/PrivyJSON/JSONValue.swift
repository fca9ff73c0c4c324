/// A parsed JSON value. Numbers keep their exact source text so money is never rounded.
public enum JSONValue: Sendable, Hashable {
    /// The literal `null`.
    case null
    /// The literal `true` or `false`.
    case bool(Bool)
    /// A number, kept as its exact literal text.
    case number(JSONNumber)
    /// A string, with escapes decoded.
    case string(String)
    /// An array of values.
    case array([JSONValue])
    /// An object, with members in source order and unique keys.
    case object(JSONObject)
}

extension JSONValue {
    /// Encodes the value as compact JSON text (no insignificant whitespace).
    ///
    /// - Returns: The UTF-8 bytes of the JSON text.
    public func serialized() -> [UInt8] {
        var writer = JSONWriter()
        writer.value(self)
        return writer.bytes
    }

    /// Encodes the value as compact JSON text (no insignificant whitespace).
    ///
    /// - Returns: The JSON text.
    public func serializedString() -> String {
        String(decoding: serialized(), as: UTF8.self)
    }
}
