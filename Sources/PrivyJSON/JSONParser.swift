/// A strict RFC 8259 JSON parser with resource limits.
///
/// The parser accepts exactly one JSON value surrounded by optional whitespace and rejects
/// everything the RFC does not allow: comments, trailing commas, `NaN`/`Infinity`, leading zeros,
/// unescaped control characters, unpaired UTF-16 surrogate escapes and malformed UTF-8 anywhere in
/// the input. It additionally rejects duplicate object keys and inputs that exceed its ``Limits``.
///
/// Parsing is iterative, so hostile nesting cannot exhaust the call stack, and numbers are kept as
/// text, never rounded through `Double`.
///
/// ```swift
/// let value = try JSONParser.parse(requestBody)
/// let strict = JSONParser(limits: .init(maxDepth: 8, maxBytes: 16 * 1024))
/// let small = try strict.parse(requestBody)
/// ```
public struct JSONParser: Sendable {
    /// Bounds on the input that protect the server from hostile or accidental huge documents.
    public struct Limits: Sendable, Hashable {
        /// The deepest allowed nesting of arrays and objects; a top-level scalar has depth 0.
        ///
        /// Parsing never recurses, but destroying, comparing and serializing a ``JSONValue`` do, so
        /// keep this in the hundreds at most.
        public var maxDepth: Int

        /// The longest accepted input, in bytes.
        public var maxBytes: Int

        /// The longest accepted string or object key, in bytes of decoded UTF-8.
        public var maxStringBytes: Int

        /// The most members accepted in a single object.
        public var maxMembers: Int

        /// The most elements accepted in a single array.
        public var maxElements: Int

        /// Creates limits.
        ///
        /// - Parameters:
        ///   - maxDepth: The deepest allowed nesting of arrays and objects. Defaults to 64.
        ///   - maxBytes: The longest accepted input, in bytes. Defaults to 1 MiB.
        ///   - maxStringBytes: The longest accepted decoded string, in bytes. Defaults to 64 KiB.
        ///   - maxMembers: The most members per object. Defaults to 10,000.
        ///   - maxElements: The most elements per array. Defaults to 100,000.
        public init(
            maxDepth: Int = 64,
            maxBytes: Int = 1 << 20,
            maxStringBytes: Int = 64 << 10,
            maxMembers: Int = 10_000,
            maxElements: Int = 100_000
        ) {
            self.maxDepth = maxDepth
            self.maxBytes = maxBytes
            self.maxStringBytes = maxStringBytes
            self.maxMembers = maxMembers
            self.maxElements = maxElements
        }
    }

    /// The limits this parser enforces.
    public var limits: Limits

    /// Creates a parser.
    ///
    /// - Parameters:
    ///   - limits: The limits to enforce; the default limits unless given.
    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Parses one JSON document from contiguous bytes.
    ///
    /// - Parameters:
    ///   - bytes: The complete UTF-8 encoded document.
    /// - Returns: The document's top-level value.
    /// - Throws: ``JSONParseError`` describing the first problem found.
    public func parse(_ bytes: UnsafeRawBufferPointer) throws(JSONParseError) -> JSONValue {
        try bytes.withMemoryRebound(to: UInt8.self) { (buffer) throws(JSONParseError) in
            try parse(buffer: buffer)
        }
    }

    /// Parses one JSON document from a byte array.
    ///
    /// - Parameters:
    ///   - bytes: The complete UTF-8 encoded document.
    /// - Returns: The document's top-level value.
    /// - Throws: ``JSONParseError`` describing the first problem found.
    public func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { (buffer) throws(JSONParseError) in
            try parse(buffer: buffer)
        }
    }

    /// Parses one JSON document from any collection of bytes, such as `string.utf8`, an
    /// `ArraySlice<UInt8>` or a SwiftNIO `ByteBufferView`.
    ///
    /// Collections with contiguous storage are parsed in place; others are copied first.
    ///
    /// - Parameters:
    ///   - bytes: The complete UTF-8 encoded document.
    /// - Returns: The document's top-level value.
    /// - Throws: ``JSONParseError`` describing the first problem found.
    public func parse(_ bytes: some Collection<UInt8>) throws(JSONParseError) -> JSONValue {
        let inPlace = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(JSONParseError) in try parse(buffer: buffer) }
        }
        if let inPlace {
            return try inPlace.get()
        }
        try checkSize(bytes.count)
        return try parse(Array(bytes))
    }

    /// Parses one JSON document from contiguous bytes with the default ``Limits``.
    ///
    /// - Parameters:
    ///   - bytes: The complete UTF-8 encoded document.
    /// - Returns: The document's top-level value.
    /// - Throws: ``JSONParseError`` describing the first problem found.
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(JSONParseError) -> JSONValue {
        try JSONParser().parse(bytes)
    }

    /// Parses one JSON document from a byte array with the default ``Limits``.
    ///
    /// - Parameters:
    ///   - bytes: The complete UTF-8 encoded document.
    /// - Returns: The document's top-level value.
    /// - Throws: ``JSONParseError`` describing the first problem found.
    public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        try JSONParser().parse(bytes)
    }

    /// Parses one JSON document from any collection of bytes with the default ``Limits``.
    ///
    /// - Parameters:
    ///   - bytes: The complete UTF-8 encoded document.
    /// - Returns: The document's top-level value.
    /// - Throws: ``JSONParseError`` describing the first problem found.
    public static func parse(_ bytes: some Collection<UInt8>) throws(JSONParseError) -> JSONValue {
        try JSONParser().parse(bytes)
    }

    /// Rejects inputs longer than ``Limits/maxBytes`` before any work is done on them.
    private func checkSize(_ count: Int) throws(JSONParseError) {
        guard count <= limits.maxBytes else {
            throw JSONParseError(kind: .inputTooLarge(limit: limits.maxBytes), offset: limits.maxBytes)
        }
    }

    /// The shared entry point of all overloads.
    private func parse(buffer: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> JSONValue {
        try checkSize(buffer.count)
        var parser = ByteParser(bytes: buffer, limits: limits)
        return try parser.parseDocument()
    }
}
