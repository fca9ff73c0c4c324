public import PrivyStore
import Metrics
import Synchronization

/// Turns the group-commit writer's batch reports into metrics: how many writes it answered
/// (`privy_edge_writes_total`), batch sizes (`privy_edge_write_batch_size`), commit latency
/// (`privy_edge_write_commit_duration_seconds`), time in LMDB's commit call, which writes and
/// syncs the pages (`privy_edge_write_sync_duration_seconds`), the part of it the writer waited
/// off the CPU for the device (`privy_edge_write_sync_wait_seconds`), and replays
/// (`privy_edge_write_batch_replays_total`),
/// plus the recent write rate the status page shows.
///
/// Hand ``batchCommitted(_:)`` to `Store.open(onBatchCommitted:)`; it runs on the writer thread
/// and only bumps counters.
public final class WriteObserver: Sendable {
    /// The batch-size histogram's buckets: powers of two up to the writer's batch limit.
    static let batchSizeLabel = "privy_edge_write_batch_size"
    static let batchSizeBuckets: [Double] = (0...10).map { Double(1 << $0) }

    private let writes: Counter
    private let batchSize: Recorder
    private let commitDuration: Timer
    private let syncDuration: Timer
    private let syncWait: Timer
    private let replays: Counter
    private let answered = Atomic<Int>(0)
    let rate = WriteRate()

    init(factory: any MetricsFactory) {
        writes = Counter(label: "privy_edge_writes_total", factory: factory)
        batchSize = Recorder(label: Self.batchSizeLabel, aggregate: true, factory: factory)
        commitDuration = Timer(label: "privy_edge_write_commit_duration_seconds", preferredDisplayUnit: .seconds, factory: factory)
        syncDuration = Timer(label: "privy_edge_write_sync_duration_seconds", preferredDisplayUnit: .seconds, factory: factory)
        syncWait = Timer(label: "privy_edge_write_sync_wait_seconds", preferredDisplayUnit: .seconds, factory: factory)
        replays = Counter(label: "privy_edge_write_batch_replays_total", factory: factory)
    }

    /// Records one committed batch.
    public func batchCommitted(_ report: CommitReport) {
        writes.increment(by: report.size)
        batchSize.record(report.size)
        commitDuration.record(duration: report.duration)
        syncDuration.record(duration: report.syncDuration)
        syncWait.record(duration: report.syncWait)
        replays.increment(by: report.replays)
        answered.add(report.size, ordering: .relaxed)
        rate.record(report.size)
    }

    /// Writes answered since the process started.
    var sinceStart: Int {
        answered.load(ordering: .relaxed)
    }
}
