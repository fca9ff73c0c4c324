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
        guard let token = Self.bearerToken(in: header) else {
            throw APIError.unauthorized("the Authorization header must be Bearer <token>")
        }
        var context = context
        do {
            context.principal = try store.credentials.authenticate(bearer: token)
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

extension AuthenticationMiddleware {
    /// The token of `Bearer <token>` (the scheme in any case, spaces around the token ignored),
    /// or `nil` for another scheme or an empty token.
    static func bearerToken(in header: String) -> String? {
        let scheme = "bearer ".utf8
        let utf8 = header.utf8
        guard utf8.count > scheme.count,
            zip(utf8, scheme).allSatisfy({ byte, expected in byte | 0x20 == expected })
        else { return nil }
        let token = utf8.dropFirst(scheme.count).drop { $0 == UInt8(ascii: " ") }
        let trimmed = token.prefix(token.count - token.reversed().prefix { $0 == UInt8(ascii: " ") }.count)
        return trimmed.isEmpty ? nil : String(Substring(trimmed))
    }
}
