import NIOCore

/// Renders the HTTP/1.1 requests of one target into byte buffers: the fixed headers (host,
/// credentials) once, then per request the method, path and body.
struct RequestRenderer: Sendable {
    private let prefix: String
    private let fixedHeaders: ByteBuffer

    init(target: BenchTarget) {
        prefix = target.pathPrefix
        var headers = ByteBuffer()
        headers.writeStaticString("Host: ")
        headers.writeString(target.authority)
        headers.writeStaticString("\r\nAuthorization: Bearer ")
        headers.writeString(target.token)
        headers.writeStaticString("\r\n")
        if let integrationToken = target.integrationToken {
            headers.writeStaticString("X-Privy-Integration-Token: ")
            headers.writeString(integrationToken)
            headers.writeStaticString("\r\n")
        }
        fixedHeaders = headers
    }

    /// Writes one request into `buffer`.
    /// - Parameters:
    ///   - method: `GET`, `POST` or `PATCH`.
    ///   - body: the JSON body, if any.
    ///   - buffer: where the request goes.
    ///   - path: writes the path (and query) after the target's prefix.
    func write(_ method: StaticString, body: ByteBuffer?, into buffer: inout ByteBuffer, path: (inout ByteBuffer) -> Void) {
        buffer.writeStaticString(method)
        buffer.writeStaticString(" ")
        buffer.writeString(prefix)
        path(&buffer)
        buffer.writeStaticString(" HTTP/1.1\r\n")
        buffer.writeImmutableBuffer(fixedHeaders)
        if let body {
            buffer.writeStaticString("Content-Type: application/json\r\nContent-Length: ")
            buffer.writeDecimal(body.readableBytes)
            buffer.writeStaticString("\r\n\r\n")
            buffer.writeImmutableBuffer(body)
        } else {
            buffer.writeStaticString("\r\n")
        }
    }
}
