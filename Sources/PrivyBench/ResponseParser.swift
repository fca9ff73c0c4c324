import NIOCore

/// A lean HTTP/1.1 response parser for a client with one request in flight: the status, the
/// framing (`Content-Length`, chunked, or until the connection closes), `Connection: close`, and
/// the body when asked for. It keeps no headers, so a response costs no allocation.
struct ResponseParser {
    /// A complete response.
    struct Response {
        var status: Int
        /// Empty unless the parser keeps bodies.
        var body: ByteBuffer
        /// Whether the server closes the connection after it.
        var closes: Bool
    }

    /// The server sent something that is not an HTTP/1.1 response.
    struct MalformedResponse: Error, CustomStringConvertible {
        let description: String
    }

    private struct Head {
        var status: Int
        var closes: Bool
        var contentLength: Int?
        var chunked: Bool
    }

    private enum HeadScan {
        case incomplete
        case malformed
        case complete(Head, length: Int)
    }

    private enum State {
        case head
        case fixed(Head, remaining: Int)
        case chunkSize(Head)
        case chunkData(Head, remaining: Int)
        case chunkEnd(Head)
        case trailers(Head)
        case untilClose(Head)
    }

    private static let maximumHeadBytes = 64 * 1024
    private let keepsBodies: Bool
    private var pending = ByteBuffer()
    private var body = ByteBuffer()
    private var state = State.head

    /// - Parameter keepsBodies: whether responses carry their bodies.
    init(keepsBodies: Bool) {
        self.keepsBodies = keepsBodies
    }

    /// Takes bytes read from the connection.
    mutating func append(_ bytes: inout ByteBuffer) {
        if pending.readableBytes == 0 {
            pending.clear()
        }
        pending.writeBuffer(&bytes)
    }

    /// The next complete response, or `nil` until more bytes arrive.
    mutating func next() throws(MalformedResponse) -> Response? {
        while true {
            switch state {
            case .head:
                guard let head = try readHead() else { return nil }
                body.clear()
                if (100..<200).contains(head.status), head.status != 101 {
                    continue  // an interim response; the real one follows
                }
                if head.status == 204 || head.status == 304 || head.contentLength == 0 {
                    return complete(head)
                }
                if let length = head.contentLength {
                    state = .fixed(head, remaining: length)
                } else {
                    state = head.chunked ? .chunkSize(head) : .untilClose(head)
                }
            case .fixed(let head, let remaining):
                let left = consumeBody(upTo: remaining)
                guard left == 0 else {
                    state = .fixed(head, remaining: left)
                    return nil
                }
                return complete(head)
            case .chunkSize(let head):
                guard let line = readLine() else { return nil }
                guard let size = Self.chunkSize(line) else { throw MalformedResponse(description: "bad chunk size") }
                state = size == 0 ? .trailers(head) : .chunkData(head, remaining: size)
            case .chunkData(let head, let remaining):
                let left = consumeBody(upTo: remaining)
                state = left == 0 ? .chunkEnd(head) : .chunkData(head, remaining: left)
                if left > 0 { return nil }
            case .chunkEnd(let head):
                guard let line = readLine() else { return nil }
                guard line.readableBytes == 0 else { throw MalformedResponse(description: "chunk not followed by CRLF") }
                state = .chunkSize(head)
            case .trailers(let head):
                guard let line = readLine() else { return nil }
                if line.readableBytes == 0 { return complete(head) }
            case .untilClose:
                _ = consumeBody(upTo: pending.readableBytes)
                return nil
            }
        }
    }

    /// The response that ends when the connection does, if one is being read that way.
    mutating func connectionClosed() -> Response? {
        guard case .untilClose(var head) = state else { return nil }
        head.closes = true
        return complete(head)
    }

    private mutating func complete(_ head: Head) -> Response {
        state = .head
        return Response(status: head.status, body: body, closes: head.closes)
    }

    /// Moves up to `count` body bytes out of `pending`; returns how many are still to come.
    private mutating func consumeBody(upTo count: Int) -> Int {
        let available = min(count, pending.readableBytes)
        if keepsBodies, var slice = pending.readSlice(length: available) {
            body.writeBuffer(&slice)
        } else {
            pending.moveReaderIndex(forwardBy: available)
        }
        return count - available
    }

    /// The next line without its CRLF, or `nil` if it is not all there.
    private mutating func readLine() -> ByteBuffer? {
        let end = pending.withUnsafeReadableBytes { bytes -> Int? in
            guard bytes.count >= 2 else { return nil }
            for index in 0..<(bytes.count - 1) where bytes[index] == 0x0D && bytes[index + 1] == 0x0A {
                return index
            }
            return nil
        }
        guard let end, let line = pending.readSlice(length: end) else { return nil }
        pending.moveReaderIndex(forwardBy: 2)
        return line
    }

    /// Parses and consumes a status line and headers, or returns `nil` until they are all there.
    private mutating func readHead() throws(MalformedResponse) -> Head? {
        let scan = pending.withUnsafeReadableBytes { bytes -> HeadScan in
            guard let end = Self.headEnd(in: bytes) else { return .incomplete }
            guard let head = Self.parseHead(bytes[..<end]) else { return .malformed }
            return .complete(head, length: end + 4)
        }
        switch scan {
        case .malformed:
            throw MalformedResponse(description: "not an HTTP/1.x response")
        case .incomplete:
            guard pending.readableBytes <= Self.maximumHeadBytes else { throw MalformedResponse(description: "response head over 64 KiB") }
            return nil
        case .complete(let head, let length):
            pending.moveReaderIndex(forwardBy: length)
            return head
        }
    }

    private static func headEnd(in bytes: UnsafeRawBufferPointer) -> Int? {
        guard bytes.count >= 4 else { return nil }
        var index = 0
        while index <= bytes.count - 4 {
            if bytes[index + 3] != 0x0A {
                index += bytes[index + 3] == 0x0D ? 1 : 4
                continue
            }
            if bytes[index] == 0x0D, bytes[index + 1] == 0x0A, bytes[index + 2] == 0x0D {
                return index
            }
            index += 1
        }
        return nil
    }

    private static func parseHead(_ bytes: Slice<UnsafeRawBufferPointer>) -> Head? {
        // "HTTP/1.x SSS reason"
        let start = bytes.startIndex
        guard bytes.count >= 12, bytes[start] == 0x48, bytes[start + 4] == 0x2F, bytes[start + 8] == 0x20 else { return nil }
        var status = 0
        for index in (start + 9)..<(start + 12) {
            let digit = Int(bytes[index]) - 0x30
            guard (0...9).contains(digit) else { return nil }
            status = status * 10 + digit
        }
        var head = Head(status: status, closes: bytes[start + 7] == 0x30, contentLength: nil, chunked: false)
        var lineStart = start
        while let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) {
            lineStart = lineEnd + 1
            let next = bytes[lineStart...].firstIndex(of: 0x0D) ?? bytes.endIndex
            let line = bytes[lineStart..<next]
            guard let colon = line.firstIndex(of: 0x3A) else { continue }
            let name = line[..<colon]
            var value = line[(colon + 1)...]
            while value.first == 0x20 || value.first == 0x09 { value = value.dropFirst() }
            if HeaderName.contentLength.matches(name) {
                head.contentLength = decimal(value)
            } else if HeaderName.transferEncoding.matches(name) {
                head.chunked = HeaderName.chunked.occurs(in: value)
            } else if HeaderName.connection.matches(name) {
                if HeaderName.close.occurs(in: value) { head.closes = true }
                if HeaderName.keepAlive.occurs(in: value) { head.closes = false }
            }
        }
        return head
    }

    private static func decimal(_ bytes: Slice<UnsafeRawBufferPointer>) -> Int? {
        var value = 0
        var digits = 0
        for byte in bytes {
            guard byte >= 0x30, byte <= 0x39 else { break }
            value = value * 10 + Int(byte - 0x30)
            digits += 1
            if digits > 15 { return nil }
        }
        return digits > 0 ? value : nil
    }

    private static func chunkSize(_ line: ByteBuffer) -> Int? {
        var value = 0
        var digits = 0
        for byte in line.readableBytesView {
            let digit: Int
            switch byte {
            case 0x30...0x39: digit = Int(byte - 0x30)
            case 0x41...0x46: digit = Int(byte - 0x41 + 10)
            case 0x61...0x66: digit = Int(byte - 0x61 + 10)
            default: return digits > 0 ? value : nil  // a chunk extension or whitespace follows
            }
            value = value * 16 + digit
            digits += 1
            if digits > 12 { return nil }
        }
        return digits > 0 ? value : nil
    }
}
