import LMDB
public import Logging
public import ServiceLifecycle

/// Clears reader-table slots left by processes that died holding a read transaction
/// (`mdb_reader_check`), every `interval`, until graceful shutdown. A stale slot would pin old
/// pages and make the data file grow without bound.
public struct StaleReaderSweeper: Service {
    let store: Store
    let interval: Duration
    let logger: Logger

    /// Creates the sweeper.
    /// - Parameters:
    ///   - store: the open store.
    ///   - interval: time between checks (default one minute).
    ///   - logger: where cleared slots are reported.
    public init(store: Store, interval: Duration = .seconds(60), logger: Logger) {
        self.store = store
        self.interval = interval
        self.logger = logger
    }

    public func run() async {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
                let cleared = try store.environment.clearStaleReaders()
                if cleared > 0 {
                    logger.warning("cleared stale LMDB reader slots", metadata: ["count": "\(cleared)"])
                }
            } catch {
                return
            }
        }
    }
}
