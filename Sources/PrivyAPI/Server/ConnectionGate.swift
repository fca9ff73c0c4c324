public import Metrics
import Synchronization

/// Caps the API's open connections: a connection past the cap is closed as soon as it is
/// accepted, and counted in `privy_edge_connections_refused_total`.
public final class ConnectionGate: Sendable {
    /// The most connections open at once.
    public let limit: Int
    private let open = Atomic<Int>(0)
    private let refused: Counter

    /// Creates the gate.
    /// - Parameters:
    ///   - limit: the most connections open at once.
    ///   - metrics: where refusals are counted.
    public init(limit: Int, metrics: any MetricsFactory = MetricsSystem.factory) {
        self.limit = limit
        refused = Counter(label: "privy_edge_connections_refused_total", factory: metrics)
    }

    /// Counts a new connection in, unless the cap is reached (then it is counted as refused).
    /// - Returns: whether the connection may stay; if so, ``release()`` must follow its close.
    func admit() -> Bool {
        guard open.add(1, ordering: .relaxed).newValue > limit else { return true }
        open.subtract(1, ordering: .relaxed)
        refused.increment()
        return false
    }

    /// Counts an admitted connection out.
    func release() {
        open.subtract(1, ordering: .relaxed)
    }
}

extension ConnectionGate {
    /// Why a connection past the cap was closed.
    struct Refused: Error {}
}
