import PrivyStore

/// The doctor's verdict on a data directory: one line per check, each finding with what to do.
struct Diagnosis {
    /// One checked thing.
    enum Line {
        /// Healthy.
        case ok(String)
        /// Was wrong and the doctor fixed it.
        case fixed(String)
        /// Needs the operator: what is wrong, then what to do.
        case finding(String)

        var text: String {
            switch self {
            case .ok(let text): "ok       " + text
            case .fixed(let text): "fixed    " + text
            case .finding(let text): "FINDING  " + text
            }
        }
    }

    /// The share of the size cap in use above which the doctor warns.
    static let mapUseWarning = 0.8
    /// How old the oldest undelivered change may be before the doctor warns, in seconds.
    static let backlogAgeWarning: Int64 = 3_600

    private(set) var lines: [Line] = []

    /// Whether any line needs the operator.
    var isHealthy: Bool {
        !lines.contains { if case .finding = $0 { true } else { false } }
    }

    /// Checks permissions, free space and, when there is a store, its schema, map and readers.
    mutating func check(_ health: DataDirectoryHealth, maxMapSize: Int) {
        for file in health.modes {
            let wanted = file.isDirectory ? "700" : "600"
            lines.append(file.isPrivate
                ? .ok("\(file.path) is mode \(Self.octal(file.mode))")
                : .finding("\(file.path) is mode \(Self.octal(file.mode)), readable by others: run chmod \(wanted) \(file.path)"))
        }
        guard let store = health.store else {
            lines.append(.finding("\(health.directory) holds no store (no data.mdb): start privy-edge serve on it, or restore a backup with privy-edge restore"))
            return
        }
        check(schemaVersion: store.schemaVersion)
        let share = Double(store.usedBytes) / Double(maxMapSize)
        let use = "map use \(ByteCount.text(store.usedBytes)) of a \(ByteCount.text(store.mapSize)) map, cap \(ByteCount.text(maxMapSize))"
        lines.append(share < Self.mapUseWarning
            ? .ok(use)
            : .finding("\(use): nearly full, writes will fail with storage_full: free space in the store (compact it: privy-edge backup, then restore that backup with the server stopped)"))
        lines.append(store.staleReadersCleared == 0
            ? .ok("no stale readers")
            : .fixed("cleared \(store.staleReadersCleared) stale reader slot(s) left by processes that died"))
        let growth = max(0, min(store.mapSize * 2, maxMapSize) - store.dataFileBytes)
        lines.append(health.freeBytes >= growth
            ? .ok("\(ByteCount.text(health.freeBytes)) free on disk")
            : .finding("only \(ByteCount.text(health.freeBytes)) free on disk, but the data file may grow by \(ByteCount.text(growth)) before its next map growth: free disk space or move the data directory"))
    }

    /// Checks the exporter's backlog and dead letters.
    mutating func check(_ sync: SyncStatus) {
        if let age = sync.oldestPendingAge, age > Self.backlogAgeWarning {
            let failure = sync.lastFailure.map { " (last failure: \($0))" } ?? ""
            lines.append(.finding("sync backlog of \(sync.backlog) changes, oldest \(age / 3_600) h old\(failure): check the upstream link and credentials with privy-edge sync status (expected if sync is off)"))
        } else {
            lines.append(.ok("sync backlog \(sync.backlog) changes"))
        }
        lines.append(sync.deadLetters == 0
            ? .ok("no dead letters")
            : .finding("\(sync.deadLetters) dead letters: read them with privy-edge sync dead-letters list, then retry or drop each"))
    }

    /// Notes that something could not be checked.
    mutating func cannotCheck(_ what: String, because reason: any Error) {
        lines.append(.finding("cannot check \(what): \(reason)"))
    }

    private mutating func check(schemaVersion: UInt32?) {
        let supported = DataDirectoryHealth.supportedSchemaVersion
        switch schemaVersion {
        case supported?:
            lines.append(.ok("schema version \(supported), as this build"))
        case let found? where found > supported:
            lines.append(.finding("schema version \(found) is newer than this build's \(supported): upgrade privy-edge"))
        case let found?:
            lines.append(.finding("schema version \(found) is older than this build's \(supported) and cannot be upgraded in place: restore a backup made by this version"))
        case nil:
            lines.append(.finding("the store has no schema version: it is not privy-edge's; point --data-dir at the right directory"))
        }
    }

    private static func octal(_ mode: UInt32) -> String {
        "0" + String(mode, radix: 8)
    }
}
