import Hummingbird
import PrivyDomain
import PrivyJSON
import PrivyStore
import PrivyWire

/// Violet's Direct Order Submission, `POST /api/orders` (outside `/v1`, as Violet calls it):
/// each bag becomes an order, with its email preferences mapped by the platform table.
struct VioletOrderRoutes {
    let store: Store
    let configuration: APIConfiguration

    func register(on routes: inout RouteTable) {
        routes.on(.post, "orders", use: place)
    }

    /// 201 when a bag's order was created, 200 for a resubmission; the body is Violet's order,
    /// unwrapped; errors use the contract's envelope.
    @Sendable func place(_ request: Request, context: EdgeRequestContext) async throws -> Response {
        let principal = try context.require(.ordersWrite)
        let order = try VioletOrder(json: try await request.jsonObject(limit: configuration.maxBodySize))
        let bags = try await store.orders.placeVioletOrder(
            order,
            integrationToken: request.headers[.integrationToken],
            context: context.writeContext(.violet, principal)
        )
        var writer = JSONWriter()
        writer.reserveCapacity(256 + bags.count * 320)
        writer.violetOrder(order, bags: bags)
        return .json(writer.bytes, status: bags.contains(where: \.created) ? .created : .ok)
    }
}
