import PrivyDomain
import Testing

@testable import PrivyStore
@testable import PrivySync

/// The concurrent hand-out of a round's jobs: plan order, contacts before their orders, one job
/// per exclusion key in flight.
@Suite("Job scheduler: concurrency without reordering")
struct JobSchedulerTests {
    private static let now = Timestamp(microsecondsSinceEpoch: 1_800_000_000_000_000)

    private func id(_ n: Int) -> ContactID {
        ContactID(validating: "cus_AAAAAAAAAAAAAA\(n < 10 ? "0" : "")\(n)")!
    }

    private func job(_ entity: Change.Entity, contact: Int? = nil) -> SyncJob {
        let change = Change(sequence: 1, entity: entity, contactFields: [], flags: [], source: .api, at: Self.now)
        return switch entity {
        case .contact(let id):
            SyncJob(changes: [change], work: .contact(id, .update(upstreamID: "up_\(id.rawValue)", ContactBody(Contact(id: id, sequence: 1, createdAt: Self.now), fields: [.firstName], welcomeSMS: false))))
        case .order:
            SyncJob(changes: [change], work: .order(.sample(contactID: contact.map(id), at: Self.now)))
        }
    }

    @Test("jobs go in plan order; an order waits for its contact's job, then goes")
    func contactBeforeOrders() {
        let contact = job(.contact(id(1)))
        let order = job(.order("10"), contact: 1)
        let other = job(.contact(id(2)))
        var scheduler = JobScheduler([contact, order, other])
        #expect(scheduler.next()?.entity == .contact(id(1)))
        #expect(scheduler.next()?.entity == .contact(id(2)), "the order is held while its contact is in flight")
        #expect(scheduler.next() == nil)
        scheduler.finish(contact)
        #expect(scheduler.next()?.entity == .order("10"))
        #expect(scheduler.next() == nil)
    }

    @Test("orders of one contact go one at a time, in plan order; orders of other contacts pass them")
    func ordersOfOneContact() {
        let first = job(.order("1"), contact: 5)
        let second = job(.order("2"), contact: 5)
        let elsewhere = job(.order("3"), contact: 6)
        var scheduler = JobScheduler([first, second, elsewhere])
        #expect(scheduler.next()?.entity == .order("1"))
        #expect(scheduler.next()?.entity == .order("3"))
        #expect(scheduler.next() == nil)
        scheduler.finish(first)
        #expect(scheduler.next()?.entity == .order("2"))
    }
}
