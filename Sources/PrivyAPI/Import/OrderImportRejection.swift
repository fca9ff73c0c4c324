import PrivyJSON

/// A line of an order-history import that was not applied, with why: a line of the rejects file.
public struct OrderImportRejection: Sendable {
    /// The line's number in the file, from 1.
    public var line: Int
    /// Why, as the endpoint would have answered (400, 413 or 422 with details).
    public var error: APIError
    /// The line as read, so it can be fixed and imported again; `nil` for an oversize line.
    public var input: String?

    /// The rejects-file line: `{"line", "error": {"code", "message", "details"?}, "input"}` and a newline.
    public func ndjson() -> [UInt8] {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("line"); writer.int(line)
        writer.key("error"); error.write(to: &writer)
        writer.key("input"); writer.optionalString(input)
        writer.endObject()
        return writer.bytes + [UInt8(ascii: "\n")]
    }
}
