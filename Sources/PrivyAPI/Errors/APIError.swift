public import HTTPTypes
public import Hummingbird
import NIOCore
public import PrivyDomain
import PrivyJSON
import PrivyStore
import PrivyWire

/// An error answered in the contract's envelope:
/// `{"error": {"code", "message", "details"?, …extra}}`.
public struct APIError: Error, Sendable, HTTPResponseError {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// The contract's error code, e.g. `validation_failed`.
    public var code: String
    /// A sentence for the developer reading it.
    public var message: String
    /// Field-level problems (422).
    public var details: [FieldError]
    /// Extra members of the `error` object, e.g. the existing contact's `id` on a 409.
    public var extra: [(String, String)]
    /// Extra response headers, e.g. `Retry-After`.
    public var headers: HTTPFields

    /// Creates an error.
    /// - Parameters:
    ///   - status: the HTTP status.
    ///   - code: the contract's error code.
    ///   - message: what went wrong.
    ///   - details: field-level problems.
    ///   - extra: extra members of the `error` object.
    ///   - headers: extra response headers.
    public init(
        _ status: HTTPResponse.Status,
        code: String,
        message: String,
        details: [FieldError] = [],
        extra: [(String, String)] = [],
        headers: HTTPFields = [:]
    ) {
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        self.extra = extra
        self.headers = headers
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        Response.json(envelope, status: status, headers: headers)
    }

    /// The whole body: `{"error": {…}}`.
    var envelope: [UInt8] {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("error")
        write(to: &writer)
        writer.endObject()
        return writer.bytes
    }

    /// Writes the envelope's `error` object: `{"code", "message", "details"?, …extra}`.
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("code")
        writer.string(code)
        writer.key("message")
        writer.string(message)
        if !details.isEmpty {
            writer.key("details")
            writer.beginArray()
            for detail in details {
                writer.beginObject()
                writer.key("field")
                writer.string(detail.field)
                writer.key("message")
                writer.string(detail.message)
                writer.endObject()
            }
            writer.endArray()
        }
        for (key, value) in extra {
            writer.key(key)
            writer.string(value)
        }
        writer.endObject()
    }
}

extension APIError {
    /// 400 `bad_request`: the body is not JSON, not an object, or a field has the wrong type.
    public static func badRequest(_ message: String) -> APIError {
        APIError(.badRequest, code: "bad_request", message: message)
    }

    /// 400 `bad_request` naming every field of the wrong JSON type in `details`.
    static func wrongFieldTypes(_ error: WrongFieldTypes) -> APIError {
        APIError(.badRequest, code: "bad_request", message: error.message, details: error.details)
    }

    /// 401 `unauthorized`.
    public static func unauthorized(_ message: String) -> APIError {
        APIError(.unauthorized, code: "unauthorized", message: message, headers: [.wwwAuthenticate: "Bearer"])
    }

    /// 403 `insufficient_scope`.
    public static func insufficientScope(_ needed: String) -> APIError {
        APIError(.forbidden, code: "insufficient_scope", message: "this token lacks the \(needed) scope")
    }

    /// 404 `not_found`.
    public static func notFound(_ message: String) -> APIError {
        APIError(.notFound, code: "not_found", message: message)
    }

    /// 422 `validation_failed` with the broken rules.
    public static func validationFailed(_ failure: ValidationFailure) -> APIError {
        APIError(.unprocessableContent, code: "validation_failed", message: "the request breaks \(failure.details.count == 1 ? "a rule" : "\(failure.details.count) rules")", details: failure.details)
    }

    /// 422 `validation_failed` for one field.
    public static func invalid(_ field: String, _ message: String) -> APIError {
        validationFailed(ValidationFailure(details: [FieldError(field: field, message: message)]))
    }

    /// 413 `payload_too_large`.
    public static func payloadTooLarge(limit: Int) -> APIError {
        APIError(.contentTooLarge, code: "payload_too_large", message: "the request body is larger than \(limit) bytes")
    }

    /// 503 `service_unavailable` with `Retry-After`.
    public static func unavailable(_ message: String, retryAfter seconds: Int) -> APIError {
        APIError(.serviceUnavailable, code: "service_unavailable", message: message, headers: [.retryAfter: String(seconds)])
    }

    /// 507 `storage_full`: the data file at its maximum or a full disk; `refused` says which.
    static func storageFull(_ refused: WriteRefused) -> APIError {
        APIError(.init(code: 507, reasonPhrase: "Insufficient Storage"), code: "storage_full", message: "\(refused); nothing was written")
    }
}
