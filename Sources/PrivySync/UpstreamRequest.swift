import PrivyDomain
import PrivyWire

/// One call to the upstream API, relative to its base URL.
struct UpstreamRequest: Sendable, Hashable, CustomStringConvertible {
    /// The methods the exporter uses.
    enum Method: String, Sendable {
        case get = "GET"
        case post = "POST"
        case patch = "PATCH"
        case delete = "DELETE"
    }

    var method: Method
    /// The path under the base URL, e.g. `/contacts/cus_…`.
    var path: String
    /// The JSON body, if any.
    var body: [UInt8]?

    /// `POST /contacts`.
    static func createContact(_ body: ContactBody) -> UpstreamRequest {
        UpstreamRequest(method: .post, path: "/contacts", body: body.json)
    }

    /// `PATCH /contacts/{id}`.
    static func updateContact(_ upstreamID: String, _ body: ContactBody) -> UpstreamRequest {
        UpstreamRequest(method: .patch, path: "/contacts/\(upstreamID)", body: body.json)
    }

    /// `DELETE /contacts/{id}`.
    static func deleteContact(_ upstreamID: String) -> UpstreamRequest {
        UpstreamRequest(method: .delete, path: "/contacts/\(upstreamID)")
    }

    /// `GET /contacts/{id}`.
    static func readContact(_ upstreamID: String) -> UpstreamRequest {
        UpstreamRequest(method: .get, path: "/contacts/\(upstreamID)")
    }

    /// `GET /contacts?{filter}&page={page}&per_page={perPage}`: one page of a filtered listing.
    static func listContacts(_ filter: PullFilter, page: Int, perPage: Int) -> UpstreamRequest {
        UpstreamRequest(method: .get, path: "/contacts?\(filter.query)&page=\(page)&per_page=\(perPage)")
    }

    /// `POST /orders/placed` with the order's full current state.
    static func placeOrder(_ order: Order) -> UpstreamRequest {
        UpstreamRequest(method: .post, path: "/orders/placed", body: order.placedBody())
    }

    /// `PATCH /contacts/cus_…`, as logs and dead letters show it.
    var description: String {
        "\(method.rawValue) \(path)"
    }
}
