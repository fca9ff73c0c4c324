/// An ASCII token compared without regard to case, for the few response headers the parser reads.
struct HeaderName: Sendable {
    static let contentLength = HeaderName("content-length")
    static let transferEncoding = HeaderName("transfer-encoding")
    static let connection = HeaderName("connection")
    static let chunked = HeaderName("chunked")
    static let close = HeaderName("close")
    static let keepAlive = HeaderName("keep-alive")

    private let lowercased: [UInt8]

    private init(_ text: StaticString) {
        lowercased = text.withUTF8Buffer { Array($0) }
    }

    /// Whether `bytes` is this token (ASCII, any case).
    func matches(_ bytes: Slice<UnsafeRawBufferPointer>) -> Bool {
        bytes.count == lowercased.count && zip(bytes, lowercased).allSatisfy { Self.lower($0) == $1 }
    }

    /// Whether this token appears anywhere in `bytes` (ASCII, any case).
    func occurs(in bytes: Slice<UnsafeRawBufferPointer>) -> Bool {
        guard bytes.count >= lowercased.count else { return false }
        let last = bytes.endIndex - lowercased.count
        return (bytes.startIndex...last).contains { start in
            matches(bytes[start..<(start + lowercased.count)])
        }
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
    }
}
