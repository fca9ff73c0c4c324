import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import PrivyAPI
import PrivyDomain
import PrivyJSON
import PrivyStore

/// A real privy-edge for one test: a store in a fresh temporary directory, the real router,
/// and tokens of every kind.
struct EdgeFixture: Sendable {
    let directory: String
    let store: Store
    /// Every scope.
    let adminToken: String
    /// contacts_read only.
    let readerToken: String
    /// contacts_read and contacts_write.
    let writerToken: String

    /// Runs `body` against a live server on a loopback port, then closes and removes everything.
    static func run<Value: Sendable>(
        configuration: APIConfiguration = .init(),
        setup: TestingSetup = .live,
        _ body: @Sendable (any TestClientProtocol, EdgeFixture) async throws -> Value
    ) async throws -> Value {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("privy-edge-test-\(UUID().uuidString)").path
        let store = try await Store.open(directory: directory)
        let fixture = EdgeFixture(
            directory: directory,
            store: store,
            adminToken: try await store.credentials.mintToken(scopes: [.contactsRead, .contactsWrite, .ordersWrite, .admin], name: "admin", expiresAt: nil).token,
            readerToken: try await store.credentials.mintToken(scopes: .contactsRead, name: "reader", expiresAt: nil).token,
            writerToken: try await store.credentials.mintToken(scopes: [.contactsRead, .contactsWrite], name: "writer", expiresAt: nil).token
        )
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var logger = Logger(label: "privy-edge-test")
        logger.logLevel = .warning
        let app = Application(
            router: buildRouter(store: store, configuration: configuration, logger: logger),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            logger: logger
        )
        do {
            let value = try await app.test(setup) { client in try await body(client, fixture) }
            await store.close()
            return value
        } catch {
            await store.close()
            throw error
        }
    }
}

/// A response with its body parsed as JSON.
struct JSONResponse: Sendable {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let json: JSONValue

    /// `data` of a success body.
    var data: JSONValue { json["data"] ?? .null }
    /// `error` of an error body.
    var error: JSONValue { json["error"] ?? .null }
    /// `error.code`.
    var errorCode: String? { error["code"]?.stringValue }
    /// The fields named in `error.details`.
    var detailFields: [String] { error["details"]?.arrayValue?.compactMap { $0["field"]?.stringValue } ?? [] }
}

extension TestClientProtocol {
    /// Sends a request with an optional bearer token and raw body; parses the JSON answer.
    func call(_ method: HTTPRequest.Method, _ uri: String, token: String? = nil, body: String? = nil, headers: HTTPFields = [:]) async throws -> JSONResponse {
        var fields = headers
        if let token { fields[.authorization] = "Bearer \(token)" }
        if body != nil, fields[.contentType] == nil { fields[.contentType] = "application/json" }
        return try await execute(uri: uri, method: method, headers: fields, body: body.map { ByteBuffer(string: $0) }) { response in
            let bytes = response.body.readableBytesView
            let json = bytes.isEmpty ? JSONValue.null : try JSONParser.parse(Array(bytes))
            return JSONResponse(status: response.status, headers: response.headers, json: json)
        }
    }

    /// Creates a contact and returns its id, failing the test on anything but 201.
    func createContact(_ body: String, token: String) async throws -> String {
        let response = try await call(.post, "/v1/contacts", token: token, body: body)
        guard response.status == .created, let id = response.data["id"]?.stringValue else {
            throw FixtureError("create failed: \(response.status) \(response.json.serializedString())")
        }
        return id
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension JSONValue {
    subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { object[key] } else { nil }
    }

    subscript(index: Int) -> JSONValue? {
        if case .array(let elements) = self, elements.indices.contains(index) { elements[index] } else { nil }
    }

    var stringValue: String? {
        if case .string(let text) = self { text } else { nil }
    }

    var intValue: Int? {
        if case .number(let number) = self { number.int64Value.map(Int.init) } else { nil }
    }

    var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { elements } else { nil }
    }

    var isNull: Bool {
        self == .null
    }
}
