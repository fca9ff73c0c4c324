import PrivyStore

/// Hands out a round's planned jobs to calls in flight, in plan order, keeping the plan's
/// guarantees under concurrency: one job per entity is ever in flight (the plan has one job per
/// entity, and a round ends before the next is planned), an order's job waits until the job of
/// its contact, if planned in the same round, has finished, and the orders of one contact go one
/// at a time (an order of a contact deleted here also deletes that contact upstream). Pure: no I/O.
struct JobScheduler {
    /// The round's jobs in plan order.
    private let jobs: [SyncJob]
    /// The next of `jobs` not yet looked at.
    private var position = 0
    /// Jobs passed over because their contact's job had not finished, in plan order.
    private var held: [SyncJob] = []
    /// The exclusion keys of the jobs handed out and not finished.
    private var inFlight: Set<Change.Entity> = []
    /// Entities planned in this round whose jobs have not finished.
    private var unfinished: Set<Change.Entity>

    init(_ jobs: [SyncJob]) {
        self.jobs = jobs
        unfinished = Set(jobs.map(\.entity))
    }

    /// The first job in plan order that may go now (its contact's job, if planned in this round,
    /// has finished, and no job with its exclusion key is in flight), handed out; `nil` when none may.
    mutating func next() -> SyncJob? {
        if let index = held.firstIndex(where: isReady) {
            return handOut(held.remove(at: index))
        }
        while position < jobs.count {
            let job = jobs[position]
            position += 1
            if isReady(job) { return handOut(job) }
            held.append(job)
        }
        return nil
    }

    private func isReady(_ job: SyncJob) -> Bool {
        !inFlight.contains(job.exclusionKey) && (job.dependency.map { !unfinished.contains($0) } ?? true)
    }

    private mutating func handOut(_ job: SyncJob) -> SyncJob {
        inFlight.insert(job.exclusionKey)
        return job
    }

    /// Marks `job` finished, so jobs that depend on it or wait for its key may go.
    mutating func finish(_ job: SyncJob) {
        inFlight.remove(job.exclusionKey)
        unfinished.remove(job.entity)
    }
}
