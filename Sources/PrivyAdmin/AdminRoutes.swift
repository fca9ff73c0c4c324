public import Hummingbird
import NIOCore
import PrivyJSON
public import PrivyStore

/// Builds the admin listener's router: `/healthz`, `/readyz`, `/metrics`, `/status.json` and the
/// status page at `/`. It has no authentication: bind it to loopback or a management network.
/// - Parameters:
///   - store: the open store.
///   - metrics: the process's metrics.
///   - readiness: whether the server is draining.
///   - syncEnabled: whether the sync exporter runs (the status page says so when it does not).
/// - Returns: the router.
public func buildAdminRouter(store: Store, metrics: AdminMetrics, readiness: Readiness, syncEnabled: Bool) -> Router<BasicRequestContext> {
    let router = Router()
    router.get("healthz") { _, _ in
        Response.admin(json: ["status": "ok"])
    }
    router.get("readyz") { _, _ in
        switch readiness.verdict(for: store) {
        case .ready:
            Response.admin(json: ["status": "ready"])
        case .notReady(let reason, let message):
            Response.admin(json: ["status": "not_ready", "reason": .string(reason), "message": .string(message)], status: .serviceUnavailable)
        }
    }
    router.get("metrics") { _, _ in
        let exposition = metrics.exposition(with: try StoreFigures(reading: store))
        return Response.admin(exposition, contentType: "text/plain; version=0.0.4; charset=utf-8")
    }
    router.get("status.json") { _, _ in
        let report = StatusReport(
            figures: try StoreFigures(reading: store),
            verdict: readiness.verdict(for: store),
            writesPerSecond: metrics.writes.rate.perSecond(),
            writesSinceStart: metrics.writes.sinceStart,
            syncEnabled: syncEnabled
        )
        return Response.admin(json: report.json)
    }
    router.get("/") { _, _ in
        var response = Response.admin(Array(StatusPage.html.utf8), contentType: "text/html; charset=utf-8")
        response.headers[.contentSecurityPolicy] = StatusPage.contentSecurityPolicy
        return response
    }
    return router
}

extension Response {
    /// An admin answer that no cache keeps: every figure is of the moment.
    fileprivate static func admin(_ bytes: [UInt8], contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: contentType, .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes))
        )
    }

    fileprivate static func admin(json: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        admin(json.serialized(), contentType: "application/json; charset=utf-8", status: status)
    }
}
