import Synchronization

/// The orders a run has placed so far, shared by every connection: new orders take the next
/// index, updates pick among the indexes taken.
final class OrderKeySpace: Sendable {
    private let placed = Atomic<Int>(0)

    /// Takes the next order index (the first is 1).
    func allocate() -> Int {
        placed.add(1, ordering: .relaxed).newValue
    }

    /// How many indexes have been taken.
    var count: Int {
        placed.load(ordering: .relaxed)
    }
}
