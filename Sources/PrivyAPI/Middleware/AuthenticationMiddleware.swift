public import Hummingbird
import PrivyDomain
public import PrivyStore

/// Resolves `Authorization: Bearer …` to a ``Principal`` on the context, or answers 401.
/// Scope checks happen per route, with ``EdgeRequestContext/require(_:)``.
public struct AuthenticationMiddleware: RouterMiddleware {
    public typealias Context = EdgeRequestContext

    let store: Store

    /// Creates the middleware.
    /// - Parameter store: where tokens are looked up.
    public init(store: Store) {
        self.store = store
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization] else {
            throw APIError.unauthorized("missing bearer token: send Authorization: Bearer <token>")
        }
        guard header.count > 7, header.prefix(7).lowercased() == "bearer " else {
            throw APIError.unauthorized("the Authorization header must be Bearer <token>")
        }
        let token = String(header.dropFirst(7)).trimmingSpaces
        var context = context
        do {
            context.principal = try store.authenticate(bearer: token)
        } catch let failure as AuthenticationFailure {
            switch failure {
            case .unknown: throw APIError.unauthorized("unknown bearer token")
            case .expired: throw APIError.unauthorized("the bearer token has expired")
            case .revoked: throw APIError.unauthorized("the bearer token has been revoked")
            }
        }
        return try await next(request, context)
    }
}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
