import LMDB
public import PrivyDomain

/// The exporter's figures, read from the store: what `privy-edge sync status` and
/// `GET /v1/sync/status` show.
public struct SyncStatus: Sendable {
    /// When the figures were read.
    public var at: Timestamp
    /// Local changes not yet delivered upstream.
    public var backlog: Int
    /// When the oldest of them was made.
    public var oldestPendingAt: Timestamp?
    /// Every change up to this sequence is delivered or dead-lettered.
    public var checkpoint: UInt64
    /// When the upstream last accepted a call.
    public var lastSuccessAt: Timestamp?
    /// HTTP calls made to the upstream, failures included.
    public var callsMade: UInt64
    /// Local changes delivered.
    public var changesDelivered: UInt64
    /// Local changes moved to the dead-letter table, ever.
    public var changesDeadLettered: UInt64
    /// Dead letters waiting for an operator.
    public var deadLetters: Int
    /// `429` answers received.
    public var throttledResponses: UInt64
    /// When the last failure (network, 5xx, 429, credentials) happened.
    public var lastFailureAt: Timestamp?
    /// What it was.
    public var lastFailure: String?
    /// Changes settled a second, recently; `nil` when unknown.
    public var pace: Double?
    /// Whether the server that last started runs the exporter; `nil` if none recorded it.
    public var exporter: ExporterMode?
    /// The consent pull: its schedule, the pull in progress and the last complete one.
    public var pull: PullState

    /// Seconds since the oldest pending change was made.
    public var oldestPendingAge: Int64? {
        oldestPendingAt.map { max(0, at.microsecondsSinceEpoch - $0.microsecondsSinceEpoch) / 1_000_000 }
    }

    /// Local changes per upstream call: the coalescing ratio; `nil` before the first call.
    public var changesPerCall: Double? {
        callsMade == 0 ? nil : Double(changesDelivered + changesDeadLettered) / Double(callsMade)
    }

    /// Seconds until the backlog is empty at the current pace; `nil` when the pace is unknown.
    public var eta: Int64? {
        if backlog == 0 { return 0 }
        guard let pace, pace > 0 else { return nil }
        return Int64((Double(backlog) / pace).rounded(.up))
    }

    /// When the consent pull reads its next page; `nil` when it is off (or the exporter is).
    public var nextPullAt: Timestamp? {
        exporter?.upstream == nil ? nil : pull.nextPullAt(at: at)
    }
}

extension SyncOutbox {
    /// The exporter's figures now.
    public func syncStatus(now: Timestamp = .now()) throws -> SyncStatus {
        try environment.read { txn in
            let state = try SyncState.read(in: txn, meta: tables.meta)
            var oldest: Timestamp?
            try txn.forEach(in: tables.changes) { _, value in
                oldest = try Change(decoding: value).at
                return false
            }
            return SyncStatus(
                at: now,
                backlog: try txn.count(of: tables.changes),
                oldestPendingAt: oldest,
                checkpoint: state.checkpoint,
                lastSuccessAt: state.lastSuccessAt,
                callsMade: state.callsMade,
                changesDelivered: state.changesDelivered,
                changesDeadLettered: state.changesDeadLettered,
                deadLetters: try txn.count(of: tables.syncDeadLetters),
                throttledResponses: state.throttledResponses,
                lastFailureAt: state.lastFailureAt,
                lastFailure: state.lastFailure,
                pace: state.pace.rate(at: now),
                exporter: try ExporterMode.read(in: txn, meta: tables.meta),
                pull: try PullState.read(in: txn, meta: tables.meta)
            )
        }
    }
}

extension SyncStatus {
    /// A figure with two decimals, e.g. `12.50`, for display without floating-point noise.
    public static func twoDecimals(_ value: Double) -> String {
        let hundredths = Int64((value * 100).rounded())
        let fraction = abs(hundredths % 100)
        return (hundredths < 0 && hundredths > -100 ? "-" : "") + "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }
}
