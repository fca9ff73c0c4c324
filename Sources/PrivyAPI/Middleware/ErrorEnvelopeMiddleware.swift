import HTTPTypes
public import Hummingbird
public import Logging
import PrivyDomain
import PrivyStore
import PrivyWire

/// The outermost middleware: stamps every response with `X-Request-Id` and turns every error,
/// including unknown routes and oversize bodies, into the contract's error envelope. Nothing
/// escapes as a bare 500.
public struct ErrorEnvelopeMiddleware: RouterMiddleware {
    public typealias Context = EdgeRequestContext

    let logger: Logger

    /// Creates the middleware.
    /// - Parameter logger: where unexpected errors are reported.
    public init(logger: Logger) {
        self.logger = logger
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            let headed = error as? HeadedError
            response = try envelope(for: headed?.underlying ?? error, request: request, context: context).response(from: request, context: context)
            response.headers.append(contentsOf: headed?.headers ?? [:])
        }
        response.headers[.requestID] = context.requestID
        return response
    }

    private func envelope(for error: any Error, request: Request, context: Context) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let failure as ValidationFailure:
            return .validationFailed(failure)
        case let wrong as WrongFieldTypes:
            return .wrongFieldTypes(wrong)
        case let conflict as ContactConflict:
            let what = conflict.field == "email" ? "email" : "phone number"
            return APIError(.conflict, code: "conflict", message: "a contact with this \(what) already exists", extra: [("id", conflict.existingID.rawValue)])
        case is InactiveIntegrationToken:
            return .invalid("X-Privy-Integration-Token", "does not match an active Custom Integration")
        case let missing as ContactNotFound:
            return .notFound("no contact \(missing.id)")
        case let error as HTTPError:
            return translate(error, request: request)
        case let refused as WriteRefused:
            switch refused.reason {
            case .overloaded:
                return .unavailable("the write queue is full; retry shortly", retryAfter: 1)
            case .closed:
                return .unavailable("the server is shutting down", retryAfter: 5)
            case .storageFull, .diskFull:
                logger.critical("writes refused: \(refused)", metadata: ["reason": "\(refused.reason.rawValue)"])
                return .storageFull(refused)
            }
        default:
            logger.error("unexpected error", metadata: ["error": "\(error)", "request_id": "\(context.requestID)", "path": "\(request.uri.path)"])
            return APIError(.internalServerError, code: "internal_error", message: "an unexpected error occurred; nothing was written (request \(context.requestID))")
        }
    }

    private func translate(_ error: HTTPError, request: Request) -> APIError {
        switch error.status {
        case .notFound:
            return .notFound("no route for \(request.method) \(request.uri.path)")
        case .contentTooLarge:
            return APIError(.contentTooLarge, code: "payload_too_large", message: error.body ?? "the request body is too large")
        case .methodNotAllowed:
            return APIError(.methodNotAllowed, code: "method_not_allowed", message: "\(request.method) is not allowed on \(request.uri.path)", headers: error.headers)
        default:
            return APIError(error.status, code: error.status.code < 500 ? "bad_request" : "internal_error", message: error.body ?? error.status.reasonPhrase, headers: error.headers)
        }
    }
}

extension HTTPField.Name {
    /// `X-Request-Id`.
    static let requestID = Self("X-Request-Id")!
}
