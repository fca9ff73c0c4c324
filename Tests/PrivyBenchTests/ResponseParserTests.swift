import NIOCore
@testable import PrivyBench
import Testing

/// The load generator's response parser over every framing, fed whole and a byte at a time.
@Suite struct ResponseParserTests {
    private static let keepAlive = "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\ncontent-length: 11\r\n\r\n{\"data\":{}}"
    private static let chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nX-Trailer: 1\r\n\r\n"
    private static let noContent = "HTTP/1.1 204 No Content\r\n\r\n"
    private static let closing = "HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"

    /// Feeds `text` in pieces of `step` bytes and collects the responses.
    private static func parse(_ text: String, step: Int, keepsBodies: Bool = true) throws -> [ResponseParser.Response] {
        var parser = ResponseParser(keepsBodies: keepsBodies)
        var responses: [ResponseParser.Response] = []
        let bytes = Array(text.utf8)
        for start in stride(from: 0, to: bytes.count, by: step) {
            var piece = ByteBuffer(bytes: bytes[start..<min(bytes.count, start + step)])
            parser.append(&piece)
            while let response = try parser.next() {
                responses.append(response)
            }
        }
        return responses
    }

    @Test(arguments: [1, 7, 4_096])
    func everyFramingIsParsedWhateverTheReadSizes(step: Int) throws {
        let responses = try Self.parse(Self.keepAlive + Self.chunked + Self.noContent + Self.closing, step: step)
        #expect(responses.map(\.status) == [201, 200, 204, 503])
        #expect(responses.map { String(buffer: $0.body) } == ["{\"data\":{}}", "hello world", "", ""])
        #expect(responses.map(\.closes) == [false, false, false, true])
    }

    @Test func bodiesAreDroppedUnlessKept() throws {
        let responses = try Self.parse(Self.keepAlive + Self.chunked, step: 3, keepsBodies: false)
        #expect(responses.map(\.status) == [201, 200])
        #expect(responses.allSatisfy { $0.body.readableBytes == 0 })
    }

    @Test func aBodyWithoutLengthEndsWithTheConnection() throws {
        var parser = ResponseParser(keepsBodies: true)
        var bytes = ByteBuffer(string: "HTTP/1.0 200 OK\r\n\r\npartial body")
        parser.append(&bytes)
        let early = try parser.next()
        #expect(early == nil)
        let closed = parser.connectionClosed()
        let response = try #require(closed)
        #expect(response.status == 200)
        #expect(String(buffer: response.body) == "partial body")
        #expect(response.closes)
    }

    @Test func interimResponsesAreSkipped() throws {
        let responses = try Self.parse("HTTP/1.1 100 Continue\r\n\r\n" + Self.keepAlive, step: 5)
        #expect(responses.map(\.status) == [201])
    }

    @Test func garbageIsAnError() {
        var parser = ResponseParser(keepsBodies: false)
        var bytes = ByteBuffer(string: "SSH-2.0-OpenSSH\r\n\r\n")
        parser.append(&bytes)
        #expect(throws: ResponseParser.MalformedResponse.self) { try parser.next() }
    }
}
