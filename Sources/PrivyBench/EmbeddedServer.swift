import Foundation
import Hummingbird
import Logging
import PrivyAPI
public import PrivyStore
import ServiceLifecycle

/// The real privy-edge (store, router, HTTP server) in this process, on a temporary data
/// directory under `$TMPDIR`, for a bench without `--url`. Its token has every scope a workload
/// needs, and a Custom Integration is created so order upserts carry `X-Privy-Integration-Token`.
public struct EmbeddedServer: Sendable {
    /// Where the bench sends.
    public let target: BenchTarget
    /// The server's store, open while the server runs.
    public let store: Store

    /// Starts a server, runs `body` against it, then stops it and removes its data directory.
    /// - Parameters:
    ///   - durability: how commits reach the disk.
    ///   - body: what to do while the server runs.
    public static func run<Value: Sendable>(
        durability: Durability,
        _ body: @Sendable (EmbeddedServer) async throws -> Value
    ) async throws -> Value {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try await Store.open(directory: directory, configuration: .init(durability: durability))
        let outcome: Result<Value, any Error>
        do {
            outcome = .success(try await serve(store: store, durability: durability, body))
        } catch {
            outcome = .failure(error)
        }
        await store.close()
        return try outcome.get()
    }

    private static func serve<Value: Sendable>(
        store: Store,
        durability: Durability,
        _ body: @Sendable (EmbeddedServer) async throws -> Value
    ) async throws -> Value {
        let token = try await store.credentials.mintToken(scopes: [.contactsRead, .contactsWrite, .ordersWrite], name: "bench", expiresAt: nil).token
        let integration = try await store.orders.createIntegration(name: "bench")
        var logger = Logger(label: "privy-edge-bench")
        logger.logLevel = .error
        let (ports, portSink) = AsyncStream<Int>.makeStream()
        let application = Application(
            router: buildRouter(store: store, logger: logger),
            configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "privy-edge"),
            onServerRunning: { channel in
                portSink.yield(channel.localAddress?.port ?? 0)
                portSink.finish()
            },
            logger: logger
        )
        let services = ServiceGroup(configuration: .init(services: [application], logger: logger))
        let serving = Task {
            defer { portSink.finish() }
            try await services.run()
        }
        var started = ports.makeAsyncIterator()
        guard let port = await started.next(), port > 0 else {
            try await serving.value
            throw BenchError("the embedded server did not start")
        }
        var target = BenchTarget(host: "127.0.0.1", port: port, token: token, integrationToken: integration.token)
        target.name = "embedded server (\(durability.rawValue))"
        let outcome: Result<Value, any Error>
        do {
            outcome = .success(try await body(EmbeddedServer(target: target, store: store)))
        } catch {
            outcome = .failure(error)
        }
        await services.triggerGracefulShutdown()
        try await serving.value
        return try outcome.get()
    }

    private static func makeTemporaryDirectory() throws -> String {
        let parent = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(parent)/privy-edge-bench-XXXXXX".utf8CString)
        guard let path = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw BenchError("cannot create a temporary data directory under \(parent)")
        }
        return String(cString: path)
    }
}
