public import Hummingbird
import Logging
public import PrivyAdmin
public import PrivyAPI
public import PrivyStore
public import ServiceLifecycle
public import UnixSignals

/// privy-edge as `serve` runs it, over its open store: the API listener, the admin listener,
/// the stale-reader sweeper, the TLS reloader, the sync exporter and the drain watch, as one
/// service. Make it with ``buildApplication(settings:logger:)``.
///
/// It shuts down in reverse: the drain watch first (`/readyz` turns 503), then the exporter,
/// the API once its requests are answered, and the admin listener last; then it closes the
/// store, so every acknowledged write is committed.
public struct EdgeApplication: Service {
    /// The API listener: privy-edge's router, with the listener's limits and TLS from the
    /// settings. Tests drive it with HummingbirdTesting's `test(.router)` and `test(.live)`.
    public let api: Application<RouterResponder<EdgeRequestContext>>
    /// The admin listener, or `nil` when `admin_port` is `off`.
    public let admin: Application<RouterResponder<BasicRequestContext>>?
    /// The open store; ``run()`` closes it when every service has stopped.
    public let store: Store
    /// The registry the API, the writer and the exporter record into, and `/metrics` exposes.
    public let metrics: AdminMetrics
    /// Every service, in start order.
    let services: [any Service]
    let logger: Logger

    /// Runs every service until graceful shutdown, as a service of a larger group; then closes the store.
    public func run() async throws {
        try await run(gracefulShutdownSignals: [])
    }

    /// Runs every service until one of `gracefulShutdownSignals` arrives, then shuts them down
    /// in reverse order and closes the store.
    /// - Parameter gracefulShutdownSignals: the signals that start the shutdown; default SIGTERM and SIGINT.
    public func runService(gracefulShutdownSignals: [UnixSignal] = [.sigterm, .sigint]) async throws {
        try await run(gracefulShutdownSignals: gracefulShutdownSignals)
    }

    private func run(gracefulShutdownSignals: [UnixSignal]) async throws {
        let group = ServiceGroup(
            configuration: .init(services: services, gracefulShutdownSignals: gracefulShutdownSignals, logger: logger)
        )
        do {
            try await group.run()
        } catch {
            await store.close()
            throw error
        }
        await store.close()
        logger.notice("privy-edge stopped; every acknowledged write is committed")
    }
}
