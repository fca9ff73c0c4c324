import Synchronization

/// The contact ids of the customers a run seeded, collected from every connection while seeding.
final class SeededContacts: Sendable {
    private let ids: Mutex<[String?]>

    init(customers: Int) {
        ids = Mutex(Array(repeating: nil, count: customers))
    }

    /// Records customer `customer`'s contact id.
    func record(_ id: String, for customer: Int) {
        ids.withLock { $0[customer] = id }
    }

    /// Every customer's id, in customer order.
    /// - Throws: ``BenchError`` naming how many customers have none.
    func all() throws -> [String] {
        let ids = ids.withLock { $0 }
        let found = ids.compactMap(\.self)
        guard found.count == ids.count else {
            throw BenchError("seeding failed: \(ids.count - found.count) of \(ids.count) customers got no contact id (is the token allowed contacts_write?)")
        }
        return found
    }
}
