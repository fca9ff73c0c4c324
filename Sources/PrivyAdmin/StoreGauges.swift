import PrivyDomain
import PrivyStore
import Prometheus

/// The gauges that are state rather than events: set from the store's figures just before each
/// scrape.
struct StoreGauges: Sendable {
    private let writeQueueDepth: Gauge
    private let writesRefused: [WriteRefused.Reason: Gauge]
    private let mapUsed: Gauge
    private let mapSize: Gauge
    private let mapMax: Gauge
    private let syncBacklog: Gauge
    private let oldestPendingAge: Gauge
    private let lastSyncSuccess: Gauge
    private let deadLetters: Gauge
    private let lastPull: Gauge
    private let lastPullChanged: Gauge
    private let lastPullCalls: Gauge
    private let nextPull: Gauge
    private let emailContacts: [EmailConsent: Gauge]
    private let smsContacts: [SMSConsent: Gauge]

    init(registry: PrometheusCollectorRegistry) {
        func gauge(_ subsystem: String, _ name: String, _ unit: String, _ help: String) -> Gauge {
            registry.makeGauge(descriptor: .init(namespace: "privy_edge", subsystem: subsystem, metricName: name, unitName: unit, helpText: help))
        }
        writeQueueDepth = gauge("write", "queue", "depth", "Writes waiting for the writer thread.")
        let refused = MetricNameDescriptor(
            namespace: "privy_edge", subsystem: "writes", metricName: "refused", unitName: "",
            helpText: "1 while writes are refused for lack of space, by reason: storage_full (the map at max_map_size) or disk_full (the file system)."
        )
        writesRefused = Dictionary(uniqueKeysWithValues: WriteRefused.Reason.allCases.filter(\.isLackOfSpace).map {
            ($0, registry.makeGauge(descriptor: refused, labels: [("reason", $0.rawValue)]))
        })
        mapUsed = gauge("lmdb", "map_used", "bytes", "Bytes of the LMDB map in use.")
        mapSize = gauge("lmdb", "map_size", "bytes", "The LMDB map's current size; it doubles when full, up to the maximum.")
        mapMax = gauge("lmdb", "map_max", "bytes", "The largest the LMDB map may grow.")
        syncBacklog = gauge("sync", "backlog", "changes", "Local changes not yet delivered upstream.")
        oldestPendingAge = gauge("sync", "oldest_pending_age", "seconds", "Age of the oldest undelivered change (0 when none).")
        lastSyncSuccess = gauge("sync", "last_success_timestamp", "seconds", "When the upstream last accepted a call, in Unix time (0: never).")
        deadLetters = gauge("sync", "dead", "letters", "Changes the upstream refused, waiting for an operator.")
        lastPull = gauge("sync", "pull_last_finished_timestamp", "seconds", "When the last consent pull finished, in Unix time (0: never).")
        lastPullChanged = gauge("sync", "pull_last_contacts_changed", "contacts", "Local contacts whose consent the last consent pull changed.")
        lastPullCalls = gauge("sync", "pull_last", "calls", "Upstream calls the last consent pull made.")
        nextPull = gauge("sync", "pull_next_timestamp", "seconds", "When the consent pull reads its next page, in Unix time (0: the pull is off).")
        let contacts = MetricNameDescriptor(namespace: "privy_edge", metricName: "contacts", unitName: "", helpText: "Live contacts by consent state, per channel.")
        emailContacts = Dictionary(uniqueKeysWithValues: EmailConsent.allCases.map {
            ($0, registry.makeGauge(descriptor: contacts, labels: [("channel", "email"), ("state", $0.rawValue)]))
        })
        smsContacts = Dictionary(uniqueKeysWithValues: SMSConsent.allCases.map {
            ($0, registry.makeGauge(descriptor: contacts, labels: [("channel", "sms"), ("state", $0.rawValue)]))
        })
    }

    /// Sets every gauge from `figures`.
    func update(from figures: StoreFigures) {
        writeQueueDepth.set(Double(figures.writeQueueDepth))
        for (reason, gauge) in writesRefused { gauge.set(figures.writeRefusal?.reason == reason ? 1.0 : 0.0) }
        mapUsed.set(Double(figures.storage.usedBytes))
        mapSize.set(Double(figures.storage.mapSize))
        mapMax.set(Double(figures.storage.maxMapSize))
        syncBacklog.set(Double(figures.sync.backlog))
        oldestPendingAge.set(Double(figures.sync.oldestPendingAge ?? 0))
        lastSyncSuccess.set(Double(figures.sync.lastSuccessAt?.microsecondsSinceEpoch ?? 0) / 1_000_000)
        deadLetters.set(Double(figures.sync.deadLetters))
        lastPull.set(Double(figures.sync.pull.lastFinishedAt?.microsecondsSinceEpoch ?? 0) / 1_000_000)
        lastPullChanged.set(Double(figures.sync.pull.lastContactsChanged))
        lastPullCalls.set(Double(figures.sync.pull.lastCalls))
        nextPull.set(Double(figures.sync.nextPullAt?.microsecondsSinceEpoch ?? 0) / 1_000_000)
        for (state, gauge) in emailContacts { gauge.set(Double(figures.consent.email[state] ?? 0)) }
        for (state, gauge) in smsContacts { gauge.set(Double(figures.consent.sms[state] ?? 0)) }
    }
}
