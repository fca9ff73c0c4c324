import Foundation
import Glibc

/// One TCP connection to a loopback server, spoken to byte by byte: for requests no HTTP
/// client would send (broken framing, stalled bodies, header floods). Every wait is bounded.
final class RawConnection {
    /// A response as read off the wire.
    struct Response {
        /// The status code of the status line.
        let status: Int
        /// Header fields, names lowercased.
        let headers: [String: String]
        /// The body (by `Content-Length`, or up to the close).
        let body: [UInt8]
    }

    private let socket: Int32

    /// Connects to `127.0.0.1:port`.
    init(port: Int) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw FixtureError("socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(socket)
            throw FixtureError("connect: \(String(cString: strerror(errno)))")
        }
    }

    deinit {
        close(socket)
    }

    /// Sends `bytes` while watching for an early answer: stops sending as soon as the server
    /// answers or closes, as a server may once it has judged the head.
    /// - Returns: whether every byte was sent.
    @discardableResult
    func send(_ bytes: [UInt8], within seconds: Int = 30) -> Bool {
        var offset = 0
        let deadline = ContinuousClock.now + .seconds(seconds)
        while offset < bytes.count && ContinuousClock.now < deadline {
            var events = pollfd(fd: socket, events: Int16(POLLIN | POLLOUT), revents: 0)
            guard poll(&events, 1, 1000) >= 0 else { return false }
            if events.revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 { return false }
            guard events.revents & Int16(POLLOUT) != 0 else { continue }
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, min($0.count, 1 << 16), Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { return false }
            offset += sent
        }
        return offset == bytes.count
    }

    /// Sends a string as UTF-8. - Returns: whether every byte was sent.
    @discardableResult
    func send(_ text: String) -> Bool {
        send(Array(text.utf8))
    }

    /// Reads one response, waiting at most `seconds` for its bytes.
    /// - Returns: the response, or `nil` when the connection closed (or the wait ran out) first.
    func readResponse(within seconds: Int = 30) -> Response? {
        var received: [UInt8] = []
        let deadline = ContinuousClock.now + .seconds(seconds)
        var headEnd: Int?
        while ContinuousClock.now < deadline {
            if headEnd == nil, let end = Self.endOfHead(in: received) { headEnd = end }
            if let headEnd, let response = Self.response(from: received, headEnd: headEnd, closed: false) { return response }
            guard let chunk = read(until: deadline) else { break }
            if chunk.isEmpty {
                return headEnd.flatMap { Self.response(from: received, headEnd: $0, closed: true) }
            }
            received += chunk
        }
        return nil
    }

    /// Waits up to `seconds` for the server to close the connection, discarding what it sends.
    /// - Returns: whether it closed.
    func waitForClose(within seconds: Int) -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            guard let chunk = read(until: deadline) else { return false }
            if chunk.isEmpty { return true }
        }
        return false
    }

    /// The next bytes: empty at the close (or a reset), `nil` when `deadline` passed first.
    private func read(until deadline: ContinuousClock.Instant) -> [UInt8]? {
        while ContinuousClock.now < deadline {
            var events = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&events, 1, 200) >= 0 else { return [] }
            guard events.revents != 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            return count > 0 ? Array(buffer[..<count]) : []
        }
        return nil
    }

    private static func endOfHead(in bytes: [UInt8]) -> Int? {
        let marker: [UInt8] = [13, 10, 13, 10]
        guard bytes.count >= 4 else { return nil }
        return (0...(bytes.count - 4)).first { Array(bytes[$0..<$0 + 4]) == marker }.map { $0 + 4 }
    }

    private static func response(from bytes: [UInt8], headEnd: Int, closed: Bool) -> Response? {
        let lines = String(decoding: bytes[..<headEnd], as: UTF8.self).split(separator: "\r\n")
        guard let statusLine = lines.first, let status = statusLine.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let body = Array(bytes[headEnd...])
        if let length = headers["content-length"].flatMap(Int.init) {
            return body.count >= length ? Response(status: status, headers: headers, body: Array(body.prefix(length))) : nil
        }
        return closed ? Response(status: status, headers: headers, body: body) : nil
    }
}
