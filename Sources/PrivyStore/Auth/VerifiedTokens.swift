import Synchronization

/// Bearer tokens this process verified in the last second, so that a request pays one
/// dictionary lookup instead of a SHA-256 digest and a read transaction.
///
/// An entry is trusted for at most ``lifetime``: a revocation made by another process on the
/// same data directory (`privy-edge tokens revoke` beside a running server) takes effect within
/// it. A revocation made through this process's store forgets every entry at once. Expiry is
/// checked on every use against the remembered record, so it is exact.
final class VerifiedTokens: Sendable {
    /// How long a verification is trusted.
    static let lifetime = Duration.seconds(1)
    /// The most tokens remembered; past it the cache starts again empty.
    static let capacity = 4_096

    private struct Entry {
        let record: APIToken
        let verifiedAt: ContinuousClock.Instant
    }

    private let entries = Mutex<[String: Entry]>([:])

    /// The record `token` matched less than ``lifetime`` ago, if any.
    func record(for token: String, at now: ContinuousClock.Instant) -> APIToken? {
        entries.withLock { entries in
            guard let entry = entries[token] else { return nil }
            guard entry.verifiedAt.duration(to: now) < Self.lifetime else {
                entries[token] = nil
                return nil
            }
            return entry.record
        }
    }

    /// Remembers that `token` matched `record` at `now`.
    func remember(_ record: APIToken, for token: String, at now: ContinuousClock.Instant) {
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[token] = Entry(record: record, verifiedAt: now)
        }
    }

    /// Forgets every verification: a token was revoked.
    func forgetAll() {
        entries.withLock { $0.removeAll() }
    }
}
