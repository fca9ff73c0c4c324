import Hummingbird
import NIOCore
import NIOHTTP1
import PrivyJSON

extension Request {
    /// The whole body, refusing more than `limit` bytes with 413 `payload_too_large`, whether
    /// `Content-Length` says so up front or a chunked body runs over; a body whose framing
    /// breaks midway (a bad chunk, a connection closed early) is 400 `bad_request`.
    func collectBody(limit: Int) async throws -> ByteBuffer {
        if let length = headers[.contentLength].flatMap(Int.init), length > limit {
            throw APIError.payloadTooLarge(limit: limit)
        }
        do {
            return try await body.collect(upTo: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw APIError.payloadTooLarge(limit: limit)
        } catch is NIOTooManyBytesError {
            throw APIError.payloadTooLarge(limit: limit)
        } catch let error as HTTPParserError {
            throw APIError.badRequest("the request body could not be read: \(error.debugDescription)")
        }
    }

    /// The body as a JSON object.
    /// - Throws: 413 over `limit`; 400 `bad_request` when the body is not JSON or not an object.
    func jsonObject(limit: Int) async throws -> JSONObject {
        try JSONObject(requestBody: try await collectBody(limit: limit), limit: limit)
    }
}

extension JSONObject {
    /// Parses a collected request body that must be a JSON object.
    /// - Throws: 400 `bad_request` when the body is not JSON or not an object.
    init(requestBody buffer: ByteBuffer, limit: Int) throws {
        let value: JSONValue
        do {
            value = try buffer.withUnsafeReadableBytes { bytes throws(JSONParseError) in
                try JSONParser(limits: .init(maxBytes: limit)).parse(bytes)
            }
        } catch {
            throw APIError.badRequest(buffer.readableBytes == 0 ? "the request body is empty; send a JSON object" : "the request body is not valid JSON: \(error.message)")
        }
        guard case .object(let object) = value else {
            throw APIError.badRequest("the request body must be a JSON object")
        }
        self = object
    }
}
