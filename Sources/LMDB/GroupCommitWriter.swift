internal import CLMDB
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// The only writer of an ``Environment``: one dedicated thread applies queued operations in
/// bounded batches, one transaction per batch, and answers each caller after the commit.
///
/// - One operation that throws fails alone: if it wrote nothing, its batch-mates carry on in
///   the same transaction; if it left changes behind, the batch is aborted and replayed
///   without it.
/// - `MDB_MAP_FULL` aborts the batch, grows the map and replays the batch; at the configured
///   maximum the batch fails with ``Failure/storageFull``. A commit the file system refuses
///   (`ENOSPC`, `EDQUOT`) fails the batch with ``Failure/diskFull``. Nothing is answered as
///   written that was not committed. Either refusal is kept in ``refusal`` until a batch commits.
/// - The queue is bounded: when it is full, ``perform(_:)`` fails at once with
///   ``Failure/overloaded`` instead of growing memory.
public final class GroupCommitWriter: Sendable {
    /// Why a write was refused or not committed.
    public enum Failure: Error, Sendable, Hashable {
        /// The queue is full; try again shortly.
        case overloaded
        /// The writer is shutting down or closed.
        case closed
        /// The map reached its maximum size; nothing of the batch was written.
        case storageFull(maxMapSize: Int)
        /// The file system refused the commit (`ENOSPC` or `EDQUOT`, the `errno` given); nothing
        /// of the batch was written.
        case diskFull(errno: Int32)
    }

    /// What one committed batch looked like, for metrics.
    public struct BatchReport: Sendable {
        /// Writes answered by this commit (successes and failures).
        public var size: Int
        /// Time from the start of the first attempt to the end of the commit.
        public var duration: Duration
        /// Time spent in `mdb_txn_commit`, where LMDB writes the dirty pages and syncs them and
        /// the meta page: what a durable batch waits on the disk.
        public var commitCallDuration: Duration
        /// The part of ``commitCallDuration`` the writer thread spent off the CPU: waiting for
        /// the device to take and sync the pages (the rest is the kernel copying and submitting
        /// them on the writer's CPU time).
        public var commitWaitDuration: Duration
        /// How many times the batch was aborted and replayed.
        public var replays: Int
    }

    /// Tuning for the writer.
    public struct Configuration: Sendable {
        /// The most writes in one transaction.
        public var maxBatchSize: Int
        /// The most writes waiting; more are refused with ``Failure/overloaded``.
        public var queueCapacity: Int
        /// Called on the writer thread after every commit; keep it cheap.
        public var onBatchCommitted: (@Sendable (BatchReport) -> Void)?

        /// Creates a configuration.
        /// - Parameters:
        ///   - maxBatchSize: writes per transaction (default 1024).
        ///   - queueCapacity: writes waiting before back-pressure (default 16384).
        ///   - onBatchCommitted: an observer for metrics.
        public init(
            maxBatchSize: Int = 1024,
            queueCapacity: Int = 16_384,
            onBatchCommitted: (@Sendable (BatchReport) -> Void)? = nil
        ) {
            self.maxBatchSize = maxBatchSize
            self.queueCapacity = queueCapacity
            self.onBatchCommitted = onBatchCommitted
        }
    }

    private let environment: Environment
    private let configuration: Configuration
    private let queue: WriteQueue
    private let refusals: RefusalRecord

    /// Starts the writer thread for `environment`.
    /// - Parameters:
    ///   - environment: the environment to write; nothing else may write it in this process.
    ///   - configuration: batch and queue sizes.
    public init(environment: Environment, configuration: Configuration = .init()) {
        self.environment = environment
        self.configuration = configuration
        self.queue = WriteQueue(capacity: configuration.queueCapacity)
        self.refusals = RefusalRecord()
        let loop = WriterLoop(environment: environment, configuration: configuration, queue: queue, refusals: refusals)
        WriterThread.start { loop.run() }
    }

    /// Writes waiting for the writer.
    public var queueDepth: Int {
        queue.count
    }

    /// Why the last batch was refused for lack of space (``Failure/storageFull`` or
    /// ``Failure/diskFull``), or `nil` once a batch has committed since.
    public var refusal: Failure? {
        refusals.last
    }

    /// Whether the writer still takes writes: false once ``close()`` has begun.
    public var isOpen: Bool {
        queue.isOpen
    }

    /// Queues `operation` and returns its result once the transaction it ran in has committed.
    ///
    /// The operation runs on the writer thread. It may run more than once if its batch is
    /// replayed, so it must depend only on what it reads from the transaction and must not
    /// keep the transaction or any value pointing into it.
    /// - Parameter operation: reads and writes through the transaction.
    /// - Returns: what the operation returned, after commit.
    /// - Throws: what the operation threw (nothing of it was written), a ``Failure``, or an
    ///   ``LMDBError`` if the commit itself failed.
    public func perform<Result: Sendable>(
        _ operation: @escaping @Sendable (WriteTransaction) throws -> Result
    ) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            let request = WriteRequest(operation: operation, continuation: continuation)
            if let refusal = queue.enqueue(request) {
                request.fail(refusal)
            }
        }
    }

    /// Refuses new writes, lets every queued write commit, and returns when the thread is gone.
    public func close() async {
        queue.close()
        await queue.waitForWriterExit()
    }
}

/// The writer thread's work: take a batch, apply it, commit, answer.
private struct WriterLoop: Sendable {
    let environment: Environment
    let configuration: GroupCommitWriter.Configuration
    let queue: WriteQueue
    let refusals: RefusalRecord

    func run() {
        while let batch = queue.take(atMost: configuration.maxBatchSize) {
            commit(batch)
        }
        queue.writerDidExit()
    }

    /// Applies `batch` in one transaction, replaying as needed, then answers every write.
    private func commit(_ batch: [any PendingWrite]) {
        let start = ContinuousClock.now
        var attempts = batch
        var replays = 0
        var answered = 0
        var commitCall = CommitCallTime()
        func settle(_ writes: [any PendingWrite], _ answer: (any PendingWrite) -> Void) {
            writes.forEach(answer)
            answered += writes.count
            attempts = []
        }
        while !attempts.isEmpty {
            switch apply(attempts, commitCall: &commitCall) {
            case .committed:
                refusals.clear()
                settle(attempts) { $0.answer() }
            case .replay(let remaining, let failed, let deferred):
                if let (write, error) = failed {
                    write.fail(error)
                    answered += 1
                }
                if !deferred.isEmpty {
                    queue.requeueAtFront(deferred)
                }
                attempts = remaining
                replays += 1
            case .mapFull:
                do {
                    try growMap()
                    replays += 1
                } catch {
                    refusals.note(error)
                    settle(attempts) { $0.fail(error) }
                }
            case .mapResizedElsewhere:
                do {
                    try environment.adoptMapSizeOfOtherProcess()
                } catch {
                    settle(attempts) { $0.fail(error) }
                }
            case .failAll(let error):
                refusals.note(error)
                settle(attempts) { $0.fail(error) }
            }
        }
        configuration.onBatchCommitted?(.init(
            size: answered, duration: start.duration(to: .now),
            commitCallDuration: commitCall.wall, commitWaitDuration: commitCall.offCPU, replays: replays
        ))
    }

    /// Doubles the map, up to the configured maximum.
    /// - Throws: ``GroupCommitWriter/Failure/storageFull(maxMapSize:)`` at the maximum.
    private func growMap() throws {
        let maximum = environment.configuration.maxMapSize
        let current = try environment.info().mapSize
        guard current < maximum else {
            throw GroupCommitWriter.Failure.storageFull(maxMapSize: maximum)
        }
        try environment.resizeMap(to: min(current * 2, maximum))
    }

    /// How one pass over a batch ended.
    private enum Attempt {
        /// Everything in the pass committed.
        case committed
        /// Aborted: retry `remaining`, answer `failed` with its error, and put `deferred` back
        /// on the queue for a later batch.
        case replay(remaining: [any PendingWrite], failed: (any PendingWrite, any Error)?, deferred: ArraySlice<any PendingWrite>)
        /// Aborted because the map is full: grow it and replay.
        case mapFull
        /// Another process grew the map: adopt its size and replay.
        case mapResizedElsewhere
        /// Nothing could be committed.
        case failAll(any Error)
    }

    /// Wall and CPU time of the writer thread inside `mdb_txn_commit`, summed over a batch's passes.
    private struct CommitCallTime {
        var wall = Duration.zero
        var cpu = Duration.zero

        /// The time the thread was not on the CPU: waiting for the device.
        var offCPU: Duration {
            max(wall - cpu, .zero)
        }

        /// Runs `commit`, adding its wall and thread CPU time.
        mutating func measure(_ commit: () -> Int32) -> Int32 {
            let (wallStart, cpuStart) = (ContinuousClock.now, ThreadCPUClock.now())
            let code = commit()
            cpu += ThreadCPUClock.now() - cpuStart
            wall += wallStart.duration(to: .now)
            return code
        }
    }

    /// One pass: begin, attempt every write, commit. Holds the map shared throughout, so the
    /// map is only ever resized between passes. Adds the time spent committing to `commitCall`.
    private func apply(_ writes: [any PendingWrite], commitCall: inout CommitCallTime) -> Attempt {
        environment.mapLock.withSharedAccess {
            var handle: OpaquePointer?
            let begin = mdb_txn_begin(environment.handle, nil, 0, &handle)
            guard begin == MDB_SUCCESS, let handle else {
                return begin == MDB_MAP_RESIZED ? .mapResizedElsewhere : .failAll(LMDBError(code: begin))
            }
            let transaction = WriteTransaction(handle: handle)
            for (index, write) in writes.enumerated() {
                let changesBefore = transaction.changeCount
                do {
                    try write.attempt(in: transaction)
                } catch {
                    guard transaction.isPoisoned || transaction.changeCount != changesBefore else {
                        continue  // failed alone, leaving nothing behind: its batch-mates go on
                    }
                    mdb_txn_abort(handle)
                    if transaction.hitMapFull {
                        return .mapFull
                    }
                    if transaction.hitTransactionFull && index > 0 {
                        return .replay(remaining: Array(writes[..<index]), failed: nil, deferred: writes[index...])
                    }
                    var remaining = writes
                    remaining.remove(at: index)
                    return .replay(remaining: remaining, failed: (write, error), deferred: [])
                }
            }
            let code = commitCall.measure { mdb_txn_commit(handle) }
            switch code {
            case MDB_SUCCESS: return .committed
            case MDB_MAP_FULL: return .mapFull
            case ENOSPC, EDQUOT: return .failAll(GroupCommitWriter.Failure.diskFull(errno: code))
            default: return .failAll(LMDBError(code: code))
            }
        }
    }
}
