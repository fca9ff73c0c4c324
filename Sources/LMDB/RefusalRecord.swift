import Synchronization

/// The writer's last refusal for lack of space, until a batch commits: what
/// ``GroupCommitWriter/refusal`` reports.
final class RefusalRecord: Sendable {
    private let refusal = Mutex<GroupCommitWriter.Failure?>(nil)

    /// The refusal in force, if any.
    var last: GroupCommitWriter.Failure? {
        refusal.withLock { $0 }
    }

    /// Keeps `error` if it is a refusal for lack of space (``GroupCommitWriter/Failure/storageFull(maxMapSize:)``
    /// or ``GroupCommitWriter/Failure/diskFull(errno:)``).
    func note(_ error: any Error) {
        if let failure = error as? GroupCommitWriter.Failure, failure.isLackOfSpace {
            refusal.withLock { $0 = failure }
        }
    }

    /// Forgets the refusal: a batch committed, so there is space again.
    func clear() {
        refusal.withLock { $0 = nil }
    }
}
