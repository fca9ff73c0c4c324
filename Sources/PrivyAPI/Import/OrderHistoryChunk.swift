/// A run of lines of an NDJSON order-history file: the bytes as read and where each line is.
public struct OrderHistoryChunk: Sendable {
    /// One line.
    public struct Line: Sendable {
        /// The line's number in the file, from 1.
        public var number: Int
        /// The line's bytes in ``OrderHistoryChunk/bytes``, without the newline; empty for an
        /// oversize line.
        public var range: Range<Int>
        /// Whether the line was longer than the limit and was skipped unread.
        public var isOversize: Bool

        /// Creates a line.
        public init(number: Int, range: Range<Int>, isOversize: Bool = false) {
            self.number = number
            self.range = range
            self.isOversize = isOversize
        }
    }

    /// The bytes the lines point into.
    public var bytes: [UInt8]
    /// The lines, in file order.
    public var lines: [Line]

    /// Creates a chunk.
    public init(bytes: [UInt8], lines: [Line]) {
        self.bytes = bytes
        self.lines = lines
    }
}
