import Logging
import PrivyStore

/// The exporter's loop: plan the backlog, run the jobs in order, record each outcome, and when
/// the upstream fails, back off and try again on its own timer, polling the log when idle.
final class SyncSession {
    private let store: Store
    private let configuration: ExporterConfiguration
    private let runner: JobRunner
    private let logger: Logger
    private let metrics: UpstreamMetrics
    private var backoff: Backoff
    private var generator = SystemRandomNumberGenerator()
    /// The backlog's size when the last plan found nothing to send: while it stays the same
    /// (nothing new was written), planning again would find nothing either.
    private var idleBacklog: Int?

    init(store: Store, configuration: ExporterConfiguration, runner: JobRunner, logger: Logger, metrics: UpstreamMetrics) {
        self.store = store
        self.configuration = configuration
        self.runner = runner
        self.logger = logger
        self.metrics = metrics
        backoff = Backoff(base: configuration.backoffBase, cap: configuration.backoffCap)
    }

    /// Runs until the task is cancelled.
    func run() async {
        while !Task.isCancelled {
            do {
                if try await !round() {
                    try await Task.sleep(for: configuration.pollInterval)
                }
            } catch let interruption as SyncInterruption {
                guard !Task.isCancelled else { return }
                await wait(after: interruption)
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
        let backlog = try store.syncStatus().backlog
        guard backlog != idleBacklog else { return false }
        let jobs = SyncPlanner.plan(try store.syncBacklog(limit: configuration.planningWindow))
        guard !jobs.isEmpty else {
            idleBacklog = backlog
            return false
        }
        idleBacklog = nil
        let deadline = ContinuousClock.now + configuration.roundDuration
        let silent = jobs.prefix { $0.work == .nothing }
        if !silent.isEmpty {
            try await store.completeSync(silent.map { SyncCompletion(changes: $0.changes, calls: 0, outcome: .delivered) })
        }
        for job in jobs.dropFirst(silent.count) {
            let completion = try await runner.run(job)
            try await store.completeSync([completion])
            backoff.reset()
            if case .rejected(let rejection) = completion.outcome {
                logger.warning("sync: the upstream refused a change; it is in the dead letters", metadata: [
                    "request": "\(rejection.request)", "status": "\(rejection.status)", "body": "\(rejection.body)",
                ])
            }
            if ContinuousClock.now >= deadline { break }
        }
        return true
    }

    /// Records a failed attempt and waits before the next: a backoff, or the upstream's own wait
    /// for a 429 (which the pacer holds).
    private func wait(after interruption: SyncInterruption) async {
        metrics.recordFailure(interruption)
        let throttled = runner.throttled
        do {
            try await store.recordSyncFailure(interruption.description, calls: runner.calls, throttled: throttled)
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
