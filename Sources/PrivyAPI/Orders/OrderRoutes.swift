import HTTPTypes
import Hummingbird
import PrivyDomain
import PrivyJSON
import PrivyStore
import PrivyWire

/// `POST /v1/orders/placed` (the idempotent upsert) and `GET /v1/orders/{order_id}`.
struct OrderRoutes {
    let store: Store
    let configuration: APIConfiguration

    func register(on routes: inout RouteTable) {
        routes.on(.post, "orders/placed", use: place)
        routes.on(.get, "orders/:order_id", use: show)
    }

    @Sendable func place(_ request: Request, context: EdgeRequestContext) async throws -> Response {
        let principal = try context.require(.ordersWrite)
        let draft = try OrderDraft(json: try await request.jsonObject(limit: configuration.maxBodySize))
        let result = try await store.orders.upsertOrder(
            draft,
            integrationToken: request.headers[.integrationToken],
            context: context.writeContext(.api, principal)
        )
        return .data(status: result.created ? .created : .ok) { $0.order(result.order) }
    }

    @Sendable func show(_ request: Request, context: EdgeRequestContext) async throws -> Response {
        _ = try context.require(.ordersWrite)
        let id = try context.parameters.require("order_id")
        guard let order = try store.orders.order(id: id) else { throw APIError.notFound("no order \(id)") }
        return .data { $0.order(order) }
    }
}

extension HTTPField.Name {
    /// `X-Privy-Integration-Token`.
    static let integrationToken = Self("X-Privy-Integration-Token")!
}
