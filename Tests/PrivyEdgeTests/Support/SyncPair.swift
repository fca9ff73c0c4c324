import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import PrivyJSON

/// An upstream privy-edge and an edge privy-edge that replicates to it: the real binary twice,
/// on loopback, each with its own data directory. Either side can be stopped and started again.
final class SyncPair: @unchecked Sendable {
    let upstreamDirectory: String
    let edgeDirectory: String
    /// Every scope on the upstream, for a test that reads or changes it directly.
    let upstreamAdmin: String
    /// The exporter's token on the upstream.
    let exporterToken: String
    /// Every scope on the edge.
    let edgeAdmin: String
    /// The process-wide client by default: it needs no shutdown, so a test that throws midway
    /// fails alone instead of bringing the test process down.
    let http: HTTPClient
    private(set) var upstream: ServerProcess?
    private(set) var edge: ServerProcess?
    /// The upstream's port, kept when it stops so the edge can find it again.
    private(set) var upstreamPort = 0
    /// `https` once the upstream runs with TLS.
    private(set) var upstreamScheme = "http"

    /// The exporter settings of every test edge: a budget that never binds, quick polls and
    /// retries, relaxed durability for speed, and no consent pull unless a test asks for one
    /// (so the calls a test counts are the exporter's own).
    static let quickSync: [String: String] = [
        "--upstream-budget-per-minute": "6000000", "--upstream-budget-per-day": "100000000", "--sync-poll-interval": "50ms",
        "--sync-backoff-base": "50ms", "--sync-backoff-cap": "400ms", "--durability": "relaxed", "--sync-pull-interval": "off",
    ]

    /// Creates both data directories with tokens; starts nothing.
    /// - Parameter http: the client tests read both servers with (one trusting the upstream's
    ///   certificate when it runs with TLS).
    init(http: HTTPClient = .shared) throws {
        self.http = http
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("privy-edge-sync-\(UUID().uuidString)").path
        upstreamDirectory = base + "/upstream"
        edgeDirectory = base + "/edge"
        upstreamAdmin = try EdgeBinary.mintToken(dataDirectory: upstreamDirectory, scopes: "contacts_read,contacts_write,orders_write,admin")
        exporterToken = try EdgeBinary.mintToken(dataDirectory: upstreamDirectory, scopes: "contacts_read,contacts_write,orders_write")
        edgeAdmin = try EdgeBinary.mintToken(dataDirectory: edgeDirectory, scopes: "contacts_read,contacts_write,orders_write,admin")
    }

    /// Starts the upstream, on its earlier port if it ran before.
    func startUpstream(_ arguments: [String] = []) throws {
        let server = try ServerProcess(dataDirectory: upstreamDirectory, port: upstreamPort, extraArguments: ["--durability", "relaxed"] + arguments)
        upstream = server
        upstreamPort = server.port
        upstreamScheme = server.scheme
    }

    /// Starts the edge replicating to the upstream; `settings` override or add to ``quickSync``.
    /// - Parameter credentials: the credential options; default the exporter's token.
    func startEdge(_ settings: [String: String] = [:], credentials: [String: String]? = nil) throws {
        var options = Self.quickSync.merging(["--upstream": upstreamURL + "/v1"]) { $1 }
        options.merge(credentials ?? ["--upstream-token": exporterToken]) { $1 }
        options.merge(settings) { $1 }
        edge = try ServerProcess(dataDirectory: edgeDirectory, extraArguments: options.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] })
    }

    /// Stops the upstream with `signal`.
    func stopUpstream(_ signal: Int32 = SIGTERM) {
        upstream?.stop(with: signal)
        upstream = nil
    }

    /// Stops the edge with `signal`.
    /// - Returns: its termination status, if it was running.
    @discardableResult
    func stopEdge(_ signal: Int32 = SIGTERM) -> Int32? {
        defer { edge = nil }
        return edge?.stop(with: signal)
    }

    var edgeURL: String { edge?.baseURL ?? "http://127.0.0.1:1" }
    var upstreamURL: String { "\(upstreamScheme)://127.0.0.1:\(upstreamPort)" }

    /// The edge's `GET /v1/sync/status` data.
    func status() async throws -> JSONValue {
        let response = try await http.json(.GET, edgeURL + "/v1/sync/status", token: edgeAdmin)
        guard response.status == 200 else { throw FixtureError("sync status answered \(response.status)") }
        return response.json["data"] ?? .null
    }

    /// Waits until the edge's backlog is empty.
    /// - Returns: the status then.
    @discardableResult
    func waitForSync(timeout: Duration = .seconds(60)) async throws -> JSONValue {
        let deadline = ContinuousClock.now + timeout
        while true {
            let status = try await status()
            if status["backlog"]?.intValue == 0 { return status }
            guard ContinuousClock.now < deadline else { throw FixtureError("the backlog did not drain: \(status.serializedString())") }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// Every live contact of a server, keyed by email (lowercased) or phone, projected on the
    /// fields replication must carry.
    func contacts(at baseURL: String, token: String) async throws -> [String: JSONValue] {
        try await keyedContacts(at: baseURL, token: token).mapValues { contact in
            .object(JSONObject(Self.replicatedContactFields.map { ($0, contact[$0] ?? .null) }))
        }
    }

    /// Orders of a server by id (`null` for one it does not have), projected on the fields
    /// replication must carry, with `contact` the key (email or phone) of the live contact the
    /// order is linked to, or `null` when that contact is deleted.
    func orders(_ ids: some Sequence<Int>, at baseURL: String, token: String) async throws -> [Int: JSONValue] {
        let keys = try await keyedContacts(at: baseURL, token: token).reduce(into: [String: String]()) { keys, entry in
            if let id = entry.value["id"]?.stringValue { keys[id] = entry.key }
        }
        var orders: [Int: JSONValue] = [:]
        for id in ids {
            let response = try await read(baseURL + "/v1/orders/\(id)", token: token)
            guard response.status == 200, let order = response.json["data"] else {
                guard response.status == 404 else { throw FixtureError("order \(id) answered \(response.status)") }
                orders[id] = .null
                continue
            }
            let contact = order["contact_id"]?.stringValue.flatMap { keys[$0] }.map(JSONValue.string) ?? .null
            orders[id] = .object(JSONObject(Self.replicatedOrderFields.map { ($0, order[$0] ?? .null) } + [("contact", contact)]))
        }
        return orders
    }

    /// Every live contact of a server, keyed by email (lowercased) or phone.
    private func keyedContacts(at baseURL: String, token: String) async throws -> [String: JSONValue] {
        var contacts: [String: JSONValue] = [:]
        var page = 1
        while true {
            let response = try await read(baseURL + "/v1/contacts?per_page=100&page=\(page)", token: token)
            guard response.status == 200, let items = response.json["data"]?.arrayValue else {
                throw FixtureError("listing contacts answered \(response.status)")
            }
            for item in items {
                let key = item["email"]?.stringValue?.lowercased() ?? item["phone_number"]?.stringValue ?? "?"
                guard contacts[key] == nil else { throw FixtureError("two contacts for \(key)") }
                contacts[key] = item
            }
            guard page < (response.json["pagination"]?["total_pages"]?.intValue ?? 0) else { return contacts }
            page += 1
        }
    }

    /// GETs `url`, waiting out a rate-limited upstream's `429`s for as long as it says.
    private func read(_ url: String, token: String) async throws -> RemoteResponse {
        while true {
            let response = try await http.json(.GET, url, token: token)
            guard response.status == 429 else { return response }
            try await Task.sleep(for: .seconds(response.headers.first(name: "Retry-After").flatMap(Int.init) ?? 1))
        }
    }

    /// The contact fields the upstream must hold as the edge does; `order_stats` follows from
    /// the orders.
    private static let replicatedContactFields = [
        "email", "phone_number", "first_name", "last_name", "tags", "custom_fields", "email_consent", "sms_consent", "order_stats",
    ]

    /// The order fields the upstream must hold as the edge does.
    private static let replicatedOrderFields = [
        "order_id", "email", "phone", "total_amount", "currency_code", "placed_at", "financial_status", "fulfillment_status", "customer_id",
        "total_items", "accepts_email_marketing", "accepts_sms_marketing", "initial_sync",
    ]

    /// Copies both data directories aside (both servers stopped), for ``restoreSnapshot()``.
    func snapshot() throws {
        for directory in [upstreamDirectory, edgeDirectory] {
            try FileManager.default.copyItem(atPath: directory, toPath: directory + ".snapshot")
        }
    }

    /// Puts both data directories back as ``snapshot()`` found them (both servers stopped).
    func restoreSnapshot() throws {
        for directory in [upstreamDirectory, edgeDirectory] {
            try FileManager.default.removeItem(atPath: directory)
            try FileManager.default.copyItem(atPath: directory + ".snapshot", toPath: directory)
        }
    }

    /// Stops both servers and removes both directories.
    func shutdown() {
        stopEdge()
        stopUpstream()
        try? FileManager.default.removeItem(atPath: (upstreamDirectory as NSString).deletingLastPathComponent)
    }
}

/// An answer from a server run as a child process.
struct RemoteResponse: Sendable {
    let status: UInt
    let json: JSONValue
    let headers: HTTPHeaders
}

extension HTTPClient {
    /// Sends a request with a bearer token and an optional JSON body; parses the JSON answer.
    func json(_ method: HTTPMethod, _ url: String, token: String, body: String? = nil) async throws -> RemoteResponse {
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 1 << 22)
        let json = bytes.readableBytes == 0 ? JSONValue.null : try JSONParser.parse(Array(bytes.readableBytesView))
        return RemoteResponse(status: response.status.code, json: json, headers: response.headers)
    }
}
