import LMDB

/// Why the store refused a write: nothing of it was written.
public struct WriteRefused: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of refusal.
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        /// The write queue is full; try again shortly.
        case overloaded
        /// The store is closing or closed.
        case closed
        /// The data file reached its maximum size.
        case storageFull = "storage_full"
        /// The file system refused the write (`ENOSPC`, `EDQUOT`).
        case diskFull = "disk_full"

        /// Whether the write was refused for lack of space: the data file at its maximum, or a full disk.
        public var isLackOfSpace: Bool {
            self == .storageFull || self == .diskFull
        }
    }

    public let reason: Reason
    /// What happened, for people: `the disk is full: the file system refused the write (…)`.
    public let description: String

    init(_ failure: GroupCommitWriter.Failure) {
        reason = switch failure {
        case .overloaded: .overloaded
        case .closed: .closed
        case .storageFull: .storageFull
        case .diskFull: .diskFull
        }
        description = failure.description
    }
}

/// What one committed batch looked like, for metrics.
public struct CommitReport: Sendable {
    /// Writes answered by this commit (successes and failures).
    public let size: Int
    /// Time from the start of the first attempt to the end of the commit.
    public let duration: Duration
    /// Time in LMDB's commit call, which writes the dirty pages and syncs them: what a durable
    /// batch waits on the disk.
    public let syncDuration: Duration
    /// The part of ``syncDuration`` the writer thread was off the CPU, waiting for the device
    /// to take and sync the pages; the rest is the kernel copying and submitting them.
    public let syncWait: Duration
    /// How many times the batch was aborted and replayed.
    public let replays: Int

    init(_ report: GroupCommitWriter.BatchReport) {
        size = report.size
        duration = report.duration
        syncDuration = report.commitCallDuration
        syncWait = report.commitWaitDuration
        replays = report.replays
    }
}

/// How much of its space the store uses, for the metrics and the status page.
public struct StorageFigures: Sendable {
    /// Bytes in use: pages up to the last one written.
    public let usedBytes: Int
    /// The map's current size; it doubles when full, up to ``maxMapSize``.
    public let mapSize: Int
    /// The largest the data file may grow.
    public let maxMapSize: Int
}

/// The store's door to the group-commit writer: the same writes, with the writer's refusals
/// turned into ``WriteRefused`` so that nothing above the store needs LMDB's types.
struct StoreWriter: Sendable {
    let groupCommit: GroupCommitWriter

    /// Runs `operation` in the next batch; see ``GroupCommitWriter/perform(_:)``.
    /// - Throws: what the operation threw, ``WriteRefused``, or an `LMDBError` from the commit.
    func perform<Result: Sendable>(_ operation: @escaping @Sendable (WriteTransaction) throws -> Result) async throws -> Result {
        do {
            return try await groupCommit.perform(operation)
        } catch let failure as GroupCommitWriter.Failure {
            throw WriteRefused(failure)
        }
    }
}
