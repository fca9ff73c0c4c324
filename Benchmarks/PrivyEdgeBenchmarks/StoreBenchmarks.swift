import Benchmark
import PrivyDomain
import PrivyStore

/// Writes through the store's public API, on LMDB in a temporary directory: the transaction,
/// records, indexes, counters, consent events and change log of every write.
enum StoreBenchmarks {
    /// Writes per measured iteration.
    private static var batch: BenchmarkScalingFactor { .kilo }

    static func register() {
        registerNewOrders()
        registerOrderUpdates()
        registerContactCreates()
    }

    /// 1,000 `POST /v1/orders/placed` upserts in one transaction (the import path), each a new
    /// order from a new buyer: a contact is created for each.
    private static func registerNewOrders() {
        let scratch = ScratchStore()
        var next = 0
        Benchmark("Store.newOrdersNewBuyers", configuration: Measurement.perCall(batch)) { benchmark in
            let drafts = benchmark.scaledIterations.map { _ in
                next += 1
                return OrderRules.check(Fixtures.orderDraft(id: next, buyer: next))
            }
            benchmark.startMeasurement()
            blackHole(try await scratch.store.orders.importOrders(drafts, context: WriteContext(source: .api)))
        } setup: {
            try await scratch.open()
        } teardown: {
            try await scratch.close()
        }
    }

    /// The same 1,000 orders upserted again with a new total each iteration: an update of the
    /// record, the stats and the change log, no contact written.
    private static func registerOrderUpdates() {
        let scratch = ScratchStore()
        var round = 0
        func drafts() -> [CheckedOrderDraft] {
            round += 1
            return (1...batch.rawValue).map { OrderRules.check(Fixtures.orderDraft(id: $0, buyer: $0, total: "\(round).99")) }
        }
        Benchmark("Store.orderUpdates", configuration: Measurement.perCall(batch)) { benchmark in
            let drafts = drafts()
            benchmark.startMeasurement()
            blackHole(try await scratch.store.orders.importOrders(drafts, context: WriteContext(source: .api)))
        } setup: {
            try await scratch.open()
            _ = try await scratch.store.orders.importOrders(drafts(), context: WriteContext(source: .api))
        } teardown: {
            try await scratch.close()
        }
    }

    /// 1,000 concurrent `POST /v1/contacts` creates, as many clients send them: the group-commit
    /// writer takes them in a few transactions. How many varies from run to run, and with it the
    /// per-transaction allocations (1.4 % between iterations of one run), hence 5 % of tolerance.
    private static func registerContactCreates() {
        let scratch = ScratchStore()
        var next = 0
        Benchmark("Store.contactCreates", configuration: Measurement.perCall(batch, mallocTolerance: 5)) { benchmark in
            let drafts = benchmark.scaledIterations.map { _ in
                next += 1
                return ContactDraft(firstName: "Ann", lastName: "Lee", email: "contact-\(next)@example.com", emailConsent: EmailConsent.subscribed.rawValue)
            }
            let store = scratch.store
            benchmark.startMeasurement()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for draft in drafts {
                    group.addTask { _ = try await store.contacts.create(draft, context: WriteContext(source: .api)) }
                }
                try await group.waitForAll()
            }
        } setup: {
            try await scratch.open()
        } teardown: {
            try await scratch.close()
        }
    }
}
