import PrivyDomain
import PrivyJSON
import PrivyStore

/// `/status.json`: what the status page shows, in one read of the store.
struct StatusReport {
    var figures: StoreFigures
    var verdict: Readiness.Verdict
    var writesPerSecond: Double
    var writesSinceStart: Int
    var syncEnabled: Bool

    var json: JSONValue {
        [
            "at": .string(figures.sync.at.rfc3339),
            "health": health,
            "writes": [
                "per_second": Self.decimal(writesPerSecond),
                "since_start": Self.int(writesSinceStart),
                "queue_depth": Self.int(figures.writeQueueDepth),
                "refused": figures.writeRefusal.map { refusal -> JSONValue in ["reason": .string(refusal.reason.rawValue), "message": .string("writes are refused: \(refusal)")] } ?? .null,
            ],
            "contacts": [
                "total": Self.int(figures.consent.total),
                "email": .object(JSONObject(EmailConsent.allCases.map { ($0.rawValue, Self.int(figures.consent.email[$0] ?? 0)) })),
                "sms": .object(JSONObject(SMSConsent.allCases.map { ($0.rawValue, Self.int(figures.consent.sms[$0] ?? 0)) })),
            ],
            "sync": sync,
            "storage": [
                "used_bytes": Self.int(figures.storage.usedBytes),
                "map_size_bytes": Self.int(figures.storage.mapSize),
                "max_bytes": Self.int(figures.storage.maxMapSize),
            ],
        ]
    }

    private var health: JSONValue {
        switch verdict {
        case .ready:
            ["status": "ready"]
        case .notReady(let reason, let message):
            ["status": "not_ready", "reason": .string(reason), "message": .string(message)]
        }
    }

    private var sync: JSONValue {
        let status = figures.sync
        return [
            "enabled": .bool(syncEnabled),
            "backlog": Self.int(status.backlog),
            "oldest_pending_age_seconds": status.oldestPendingAge.map(Self.int) ?? .null,
            "eta_seconds": status.eta.map(Self.int) ?? .null,
            "pace_per_second": status.pace.map(Self.decimal) ?? .null,
            "last_success_at": status.lastSuccessAt.map { .string($0.rfc3339) } ?? .null,
            "last_failure_at": status.lastFailureAt.map { .string($0.rfc3339) } ?? .null,
            "last_failure": status.lastFailure.map(JSONValue.string) ?? .null,
            "dead_letters": Self.int(status.deadLetters),
            "pull": pull,
        ]
    }

    /// The consent pull: when the last finished, what it changed and cost, and the next.
    private var pull: JSONValue {
        let status = figures.sync
        return [
            "enabled": .bool(syncEnabled && status.nextPullAt != nil),
            "in_progress": .bool(status.pull.cursor != nil),
            "last_finished_at": status.pull.lastFinishedAt.map { .string($0.rfc3339) } ?? .null,
            "last_contacts_changed": Self.int(status.pull.lastContactsChanged),
            "last_calls": Self.int(status.pull.lastCalls),
            "next_at": status.nextPullAt.map { .string($0.rfc3339) } ?? .null,
        ]
    }

    private static func int(_ value: some BinaryInteger) -> JSONValue {
        .number(JSONNumber(value))
    }

    private static func decimal(_ value: Double) -> JSONValue {
        JSONNumber(SyncStatus.twoDecimals(value)).map(JSONValue.number) ?? .null
    }
}
