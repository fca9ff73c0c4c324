import AsyncHTTPClient
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1
import ServiceLifecycle
import Synchronization

/// A recording upstream: a small Hummingbird app on loopback in front of a real upstream
/// privy-edge. It checks each request against `openapi.yaml`, logs it with the answer's status,
/// and forwards it unchanged, answering with the upstream's answer; so a test can assert the
/// exact calls an edge made, and that each one is in the contract. While ``failsWrites`` is set
/// it answers every write `503` itself, as an upstream whose write path is down.
final class RecordingUpstream: Sendable {
    /// One forwarded call.
    struct Call: Sendable, Hashable, CustomStringConvertible {
        let method: String
        let path: String
        /// The query string, without `?`; empty when none.
        let query: String
        /// The request body as text.
        let body: String
        let status: UInt
        /// When the request arrived and when its answer came back, on one counter shared by all
        /// calls: two calls overlapped when each arrived before the other's answer.
        let arrived: Int
        let answered: Int

        var description: String {
            "\(method) \(path)\(query.isEmpty ? "" : "?" + query) → \(status)"
        }
    }

    /// The base URL of the recorder's `/v1` routes, for the edge's `--upstream`.
    let baseURL: String
    private let log: CallLog
    private let services: ServiceGroup
    private let server: Task<Void, any Error>

    /// Starts the recorder in front of `upstream` (e.g. `http://127.0.0.1:8080`).
    init(forwardingTo upstream: String) async throws {
        let log = CallLog()
        let (ports, port) = AsyncStream<Int>.makeStream()
        let application = Application(
            responder: Forwarder(upstream: upstream, contract: try OpenAPIContract.repository(), log: log),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in port.yield(channel.localAddress?.port ?? 0) }
        )
        // Stopped by a graceful shutdown, never by cancelling: a cancelled server can drop a
        // connection it accepted but had not yet handed over, which traps in NIO.
        let services = ServiceGroup(configuration: .init(services: [application], logger: Logger(label: "recording-upstream")))
        self.services = services
        server = Task { try await services.run() }
        var bound = 0
        for await value in ports {
            bound = value
            break
        }
        baseURL = "http://127.0.0.1:\(bound)/v1"
        self.log = log
    }

    /// Every call so far, oldest first.
    var calls: [Call] {
        log.calls
    }

    /// Every rule of `openapi.yaml` a request broke so far.
    var violations: [String] {
        log.violations
    }

    /// Whether writes (every method but `GET`) are answered `503` without reaching the upstream.
    var failsWrites: Bool {
        get { log.failsWrites }
        set { log.failsWrites = newValue }
    }

    /// Stops the recorder.
    func stop() async {
        await services.triggerGracefulShutdown()
        _ = await server.result
    }
}

/// The recorder's log and switch, shared with request handlers.
private final class CallLog: Sendable {
    private struct State {
        var calls: [RecordingUpstream.Call] = []
        var violations: [String] = []
        var tick = 0
        var failsWrites = false
    }

    private let state = Mutex(State())

    /// The next tick of the shared counter.
    func tick() -> Int {
        state.withLock {
            $0.tick += 1
            return $0.tick
        }
    }

    func append(_ call: (Int) -> RecordingUpstream.Call, violations: [String]) {
        state.withLock {
            $0.tick += 1
            $0.calls.append(call($0.tick))
            $0.violations += violations
        }
    }

    var calls: [RecordingUpstream.Call] {
        state.withLock { $0.calls }
    }

    var violations: [String] {
        state.withLock { $0.violations }
    }

    var failsWrites: Bool {
        get { state.withLock { $0.failsWrites } }
        set { state.withLock { $0.failsWrites = newValue } }
    }
}

/// Checks, forwards and logs each request.
private struct Forwarder: HTTPResponder {
    typealias Context = BasicRequestContext

    /// Hop-by-hop and length headers, which each leg sets for itself.
    private static let unforwarded: Set<String> = ["host", "connection", "content-length", "transfer-encoding", "keep-alive"]

    let upstream: String
    let contract: OpenAPIContract
    let log: CallLog

    func respond(to request: Request, context: Context) async throws -> Response {
        let arrived = log.tick()
        let body = try await request.body.collect(upTo: 1 << 24)
        let method = request.method.rawValue
        let (path, query) = (request.uri.path, request.uri.query ?? "")
        let violations = contract.problems(method: method, path: path, query: query, body: Array(body.readableBytesView))
        func record(_ status: UInt) {
            log.append({ RecordingUpstream.Call(method: method, path: path, query: query, body: String(buffer: body), status: status, arrived: arrived, answered: $0) }, violations: violations)
        }
        if log.failsWrites, request.method != .get {
            record(503)
            return Response(status: .serviceUnavailable)
        }
        var forwarded = HTTPClientRequest(url: upstream + request.uri.description)
        forwarded.method = HTTPMethod(rawValue: method)
        for field in request.headers where !Self.unforwarded.contains(field.name.canonicalName) {
            forwarded.headers.add(name: field.name.rawName, value: field.value)
        }
        if body.readableBytes > 0 { forwarded.body = .bytes(body) }
        let answer = try await HTTPClient.shared.execute(forwarded, timeout: .seconds(30))
        let answerBody = try await answer.body.collect(upTo: 1 << 24)
        var headers = HTTPFields()
        for (name, value) in answer.headers where !Self.unforwarded.contains(name.lowercased()) {
            if let name = HTTPField.Name(name) { headers.append(HTTPField(name: name, value: value)) }
        }
        record(answer.status.code)
        return Response(status: HTTPResponse.Status(code: Int(answer.status.code)), headers: headers, body: ResponseBody(byteBuffer: answerBody))
    }
}
