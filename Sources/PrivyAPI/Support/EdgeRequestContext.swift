public import Hummingbird
import Logging
import NIOCore
import PrivyDomain
public import PrivyStore

/// The per-request state privy-edge's handlers see: the request id, the caller and its address.
public struct EdgeRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The id sent back in `X-Request-Id` and recorded in audit events.
    public var requestID: String
    /// The authenticated caller, set by ``AuthenticationMiddleware``.
    public var principal: Principal?
    /// The peer's IP address, recorded in audit events.
    public var clientAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        requestID = RequestIDGenerator.shared.next()
        clientAddress = source.channel.remoteAddress?.ipAddress
        // In place of Hummingbird's own id, so the request's log lines carry the `X-Request-Id` one.
        logger[metadataKey: "hb.request.id"] = .string(requestID)
    }

    /// The caller, if it holds `scope`.
    /// - Throws: 401 if unauthenticated, 403 `insufficient_scope` if the token lacks `scope`.
    public func require(_ scope: Scopes) throws -> Principal {
        guard let principal else { throw APIError.unauthorized("missing bearer token") }
        guard principal.scopes.contains(scope) else { throw APIError.insufficientScope(scope.description) }
        return principal
    }
}

extension EdgeRequestContext {
    /// The audit stamp for a write by `principal` through `source`.
    func writeContext(_ source: ConsentSource, _ principal: Principal) -> WriteContext {
        WriteContext(source: source, requestID: requestID, tokenID: principal.tokenID, clientIP: clientAddress)
    }
}
