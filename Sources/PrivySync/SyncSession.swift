import Logging
import PrivyStore

/// The exporter's loop: plan the backlog, run the jobs in order (up to
/// ``ExporterConfiguration/concurrency`` at once), record each outcome, read a page of the
/// consent pull when it is due, and when the upstream fails, back off and try again on its own
/// timer, polling the log when idle. Each round's jobs go before the next pull page, so local
/// opt-outs (first in every round) always go before the pull; after a round stopped by a
/// network error or 5xx the pull may still read a page, after a 429 it waits too.
final class SyncSession {
    private let store: Store
    private let configuration: ExporterConfiguration
    private let runner: JobRunner
    private let puller: ConsentPuller?
    private let logger: Logger
    private let metrics: UpstreamMetrics
    private var backoff: Backoff
    private var generator = SystemRandomNumberGenerator()
    /// The backlog's size when the last plan found nothing to send: while it stays the same
    /// (nothing new was written), planning again would find nothing either.
    private var idleBacklog: Int?

    init(store: Store, configuration: ExporterConfiguration, runner: JobRunner, puller: ConsentPuller?, logger: Logger, metrics: UpstreamMetrics) {
        self.store = store
        self.configuration = configuration
        self.runner = runner
        self.puller = puller
        self.logger = logger
        self.metrics = metrics
        backoff = Backoff(base: configuration.backoffBase, cap: configuration.backoffCap)
    }

    /// Runs until the task is cancelled.
    func run() async {
        while !Task.isCancelled {
            do {
                let exported: Bool
                do {
                    exported = try await round()
                } catch let failure as JobFailure where failure.interruption.backsOff {
                    // A broken write path (network, 5xx, credentials) must not hold back opt-outs
                    // coming down: after the backoff the pull may try. A 429 holds both.
                    guard !Task.isCancelled else { return }
                    await wait(after: failure)
                    exported = true
                }
                let pulled = try await puller?.step() ?? false
                if !exported && !pulled {
                    try await Task.sleep(for: configuration.pollInterval)
                }
            } catch let failure as JobFailure {
                guard !Task.isCancelled else { return }
                await wait(after: failure)
            } catch is CancellationError {
                return
            } catch {
                logger.error("sync: cannot read or record the backlog", metadata: ["error": "\(error)"])
                try? await Task.sleep(for: configuration.pollInterval)
            }
        }
    }

    /// Plans the backlog once and runs its jobs until the round's time is up.
    /// - Returns: whether there was anything to do.
    private func round() async throws -> Bool {
        let backlog = try store.outbox.syncStatus().backlog
        guard backlog != idleBacklog else { return false }
        let jobs = SyncPlanner.plan(try store.outbox.syncBacklog(limit: configuration.planningWindow))
        guard !jobs.isEmpty else {
            idleBacklog = backlog
            return false
        }
        idleBacklog = nil
        let deadline = ContinuousClock.now + configuration.roundDuration
        let silent = jobs.prefix { $0.work == .nothing }
        if !silent.isEmpty {
            try await store.outbox.completeSync(silent.map { SyncCompletion(changes: $0.changes, calls: 0, outcome: .delivered) })
        }
        var scheduler = JobScheduler(Array(jobs.dropFirst(silent.count)))
        let (runner, concurrency) = (runner, configuration.concurrency)
        try await withThrowingTaskGroup(of: (SyncJob, SyncCompletion).self) { group in
            var running = 0
            while true {
                while running < concurrency, ContinuousClock.now < deadline, let job = scheduler.next() {
                    group.addTask { (job, try await runner.run(job)) }
                    running += 1
                }
                guard running > 0, let (job, completion) = try await group.next() else { return }
                running -= 1
                try await store.outbox.completeSync([completion])
                scheduler.finish(job)
                backoff.reset()
                if case .rejected(let rejection) = completion.outcome {
                    logger.warning("sync: the upstream refused a change; it is in the dead letters", metadata: [
                        "request": "\(rejection.request)", "status": "\(rejection.status)", "body": "\(rejection.body)",
                    ])
                }
            }
        }
        return true
    }

    /// Records a failed attempt and waits before the next: a backoff, or the upstream's own wait
    /// for a 429 (which the pacer holds).
    private func wait(after failure: JobFailure) async {
        let interruption = failure.interruption
        metrics.recordFailure(interruption)
        do {
            try await store.outbox.recordSyncFailure(interruption.description, calls: failure.tally.calls, throttled: failure.tally.throttled)
        } catch {
            logger.error("sync: cannot record a failure", metadata: ["error": "\(error)"])
        }
        guard interruption.backsOff else {
            logger.info("sync: rate limited by the upstream", metadata: ["detail": "\(interruption)"])
            return
        }
        let delay = backoff.next(using: &generator)
        let level: Logger.Level = if case .credentialsRefused = interruption { .error } else { .warning }
        logger.log(level: level, "sync: upstream call failed; retrying", metadata: ["detail": "\(interruption)", "retry_in": "\(delay)"])
        try? await Task.sleep(for: delay)
    }
}
