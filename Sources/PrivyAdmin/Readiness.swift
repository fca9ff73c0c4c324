public import PrivyStore
import Synchronization

/// Whether the server should get traffic: its store is open and readable, and it is not
/// draining for shutdown.
public final class Readiness: Sendable {
    /// The answer `/readyz` gives.
    public enum Verdict: Sendable, Equatable {
        /// Ready for traffic.
        case ready
        /// Not ready: a short machine-readable `reason` and a sentence for people.
        case notReady(reason: String, message: String)
    }

    private let draining = Atomic<Bool>(false)

    /// Creates a readiness that is not draining.
    public init() {}

    /// Marks the server as shutting down: from now on it is never ready again.
    public func beginDraining() {
        draining.store(true, ordering: .relaxed)
    }

    /// The verdict for `store` now.
    public func verdict(for store: Store) -> Verdict {
        if draining.load(ordering: .relaxed) {
            return .notReady(reason: "draining", message: "the server is shutting down and finishing the writes in flight")
        }
        guard store.isOpen else {
            return .notReady(reason: "store_closed", message: "the store is closed")
        }
        do {
            _ = try store.storageFigures()
        } catch {
            return .notReady(reason: "store_unreadable", message: "the store cannot be read: \(error)")
        }
        return .ready
    }
}
