import HTTPTypes
import Hummingbird

/// Registers routes on a router group and, once complete, answers every other method on the
/// same paths with 405 `method_not_allowed` and an `Allow` header, instead of a bare 404: the
/// methods OpenAPI knows. Every GET route answers HEAD too, with the GET's handler
/// (``HeadResponseMiddleware`` drops the body), as RFC 9110 §9.3.2 asks of a general-purpose server.
struct RouteTable {
    typealias Handler = @Sendable (Request, EdgeRequestContext) async throws -> Response

    private let group: RouterGroup<EdgeRequestContext>
    private var methods: [(path: String, methods: [HTTPRequest.Method])] = []

    init(_ group: RouterGroup<EdgeRequestContext>) {
        self.group = group
    }

    /// Adds `handler` for `method` on `path`, and for HEAD too when `method` is GET.
    mutating func on(_ method: HTTPRequest.Method, _ path: String, use handler: @escaping Handler) {
        let added: [HTTPRequest.Method] = method == .get ? [.get, .head] : [method]
        for method in added {
            group.on(RouterPath(path), method: method, use: handler)
        }
        if let index = methods.firstIndex(where: { $0.path == path }) {
            methods[index].methods += added
        } else {
            methods.append((path, added))
        }
    }

    /// Answers the methods no route took with 405.
    func finish() {
        let candidates: [HTTPRequest.Method] = [.get, .head, .post, .put, .patch, .delete, .options, .trace, .query]
        for (path, allowed) in methods {
            let allow = allowed.map(\.rawValue).joined(separator: ", ")
            for method in candidates where !allowed.contains(method) {
                group.on(RouterPath(path), method: method) { _, _ -> Response in
                    throw HTTPError(.methodNotAllowed, headers: [.allow: allow])
                }
            }
        }
    }
}
