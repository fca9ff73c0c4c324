import PrivyDomain
import PrivyStore

/// Turns a backlog into ordered jobs, one per entity. Pure: no I/O, no clock.
///
/// Order:
/// 1. jobs with nothing to send (settled at once, without calls);
/// 2. consent downgrades (email `unsubscribed`/`suppressed`, SMS `unsubscribed`);
/// 3. everything else;
///
/// each group oldest pending change first, except that an entity another job depends on (an
/// order's contact) is moved just before it.
enum SyncPlanner {
    static func plan(_ backlog: SyncBacklog) -> [SyncJob] {
        let jobs = backlog.entities.map(job)
        let ranked = jobs.filter { $0.work == .nothing }
            + jobs.filter { $0.work != .nothing && $0.isConsentDowngrade }
            + jobs.filter { $0.work != .nothing && !$0.isConsentDowngrade }
        let byEntity = Dictionary(jobs.map { ($0.entity, $0) }, uniquingKeysWith: { first, _ in first })
        var placed: Set<Change.Entity> = []
        var ordered: [SyncJob] = []
        func place(_ job: SyncJob) {
            guard placed.insert(job.entity).inserted else { return }
            if let dependency = job.dependency, let first = byEntity[dependency] {
                place(first)
            }
            ordered.append(job)
        }
        ranked.forEach(place)
        return ordered
    }

    /// The job for one entity.
    private static func job(for pending: PendingEntity) -> SyncJob {
        switch pending.state {
        case .contact(let contact?, let upstreamID):
            let plan = ContactPlan(contact: contact, upstreamID: upstreamID, changes: pending.changes)
            return SyncJob(changes: pending.changes, work: plan.map { .contact(contact.id, $0) } ?? .nothing)
        case .contact(nil, _):
            return SyncJob(changes: pending.changes, work: .nothing)
        case .order(let order):
            return SyncJob(changes: pending.changes, work: .order(order))
        }
    }
}
