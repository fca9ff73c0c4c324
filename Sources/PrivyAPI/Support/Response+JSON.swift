public import HTTPTypes
public import Hummingbird
import NIOCore

extension Response {
    /// A JSON response with the contract's content type.
    /// - Parameters:
    ///   - bytes: the serialized JSON.
    ///   - status: the HTTP status.
    ///   - headers: extra headers.
    public static func json(_ bytes: [UInt8], status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
