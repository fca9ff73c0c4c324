import Glibc
import PrivyAPI

/// Reads an NDJSON file, or standard input, in chunks of whole lines, without holding more than
/// a chunk in memory. Blank lines are skipped (but counted, so line numbers match an editor's);
/// a line longer than the limit is reported as oversize and skipped unread.
struct NDJSONReader {
    /// The file's size, when it is a regular file: for a progress bar.
    let totalBytes: Int?
    /// Bytes read so far.
    private(set) var bytesRead = 0
    private let descriptor: Int32
    private let maxLineBytes: Int
    /// Read but not yet handed out; starts at a line start.
    private var pending: [UInt8] = []
    private var block = [UInt8](repeating: 0, count: 1 << 20)
    private var lineNumber = 0
    private var isAtEnd = false
    /// Inside an oversize line: discard up to the next newline.
    private var isSkipping = false

    /// Opens `path` (`-` for standard input).
    /// - Throws: `ReaderError` when the file cannot be opened.
    init(path: String, maxLineBytes: Int) throws(ReaderError) {
        descriptor = path == "-" ? STDIN_FILENO : open(path, O_RDONLY)
        guard descriptor >= 0 else { throw ReaderError(path: path, errno: errno) }
        var status = stat()
        totalBytes = fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG ? Int(status.st_size) : nil
        self.maxLineBytes = maxLineBytes
    }

    /// The next chunk of up to `limit` non-blank lines, or `nil` at the end of the input.
    mutating func next(lines limit: Int) throws(ReaderError) -> OrderHistoryChunk? {
        var lines: [OrderHistoryChunk.Line] = []
        var start = 0
        var scanned = 0
        while lines.count < limit {
            if let newline = newline(from: scanned) {
                lineNumber += 1
                if isSkipping {
                    isSkipping = false
                } else {
                    take(start..<newline, into: &lines)
                }
                start = newline + 1
                scanned = start
                continue
            }
            scanned = pending.count
            if isAtEnd {
                if start < pending.count, !isSkipping {
                    lineNumber += 1
                    take(start..<pending.count, into: &lines)
                    start = pending.count
                }
                break
            }
            if isSkipping || pending.count - start > maxLineBytes {
                if !isSkipping {
                    lines.append(.init(number: lineNumber + 1, range: start..<start, isOversize: true))
                    isSkipping = true
                }
                pending.removeSubrange(start...)
                scanned = start
            }
            try fill()
        }
        guard !lines.isEmpty else { return nil }
        let chunk = OrderHistoryChunk(bytes: Array(pending[..<start]), lines: lines)
        pending.removeSubrange(..<start)
        return chunk
    }

    /// Hands out a complete line unless it is blank; an over-long one is reported oversize.
    private func take(_ range: Range<Int>, into lines: inout [OrderHistoryChunk.Line]) {
        guard pending[range].contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return }
        lines.append(range.count > maxLineBytes ? .init(number: lineNumber, range: range.lowerBound..<range.lowerBound, isOversize: true) : .init(number: lineNumber, range: range))
    }

    /// The position of the next `\n` at or after `offset`.
    private func newline(from offset: Int) -> Int? {
        guard offset < pending.count else { return nil }
        return pending.withUnsafeBytes { bytes in
            memchr(bytes.baseAddress! + offset, 0x0A, bytes.count - offset).map { bytes.baseAddress!.distance(to: UnsafeRawPointer($0)) }
        }
    }

    /// Reads the next block, or marks the end.
    private mutating func fill() throws(ReaderError) {
        let count = block.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count < 0 {
            guard errno == EINTR else { throw ReaderError(path: "input", errno: errno) }
            return
        }
        if count == 0 {
            isAtEnd = true
            return
        }
        bytesRead += count
        pending.append(contentsOf: block[..<count])
    }

    /// Closes the file (not standard input).
    func close() {
        if descriptor != STDIN_FILENO { Glibc.close(descriptor) }
    }
}

/// The input cannot be opened or read.
struct ReaderError: Error, CustomStringConvertible {
    let path: String
    let errno: Int32

    var description: String {
        "cannot read \(path): \(String(cString: strerror(errno)))"
    }
}
