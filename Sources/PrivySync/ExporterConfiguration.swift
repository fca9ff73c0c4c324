public import PrivyStore

/// Everything the exporter needs to know about the upstream and its own rhythm.
public struct ExporterConfiguration: Sendable {
    /// Where the upstream is.
    public var endpoint: UpstreamEndpoint
    /// How to authenticate.
    public var credentials: UpstreamCredentials
    /// The call budget.
    public var budget: SyncBudget
    /// How often to look at the log when it was empty.
    public var pollInterval: Duration
    /// The ceiling of the first retry wait after a network error or 5xx.
    public var backoffBase: Duration
    /// The largest retry wait.
    public var backoffCap: Duration
    /// The most changes planned at once; later ones wait for the next round.
    public var planningWindow: Int
    /// How long one round of planned calls may run before the backlog is planned again (so new
    /// opt-outs overtake older work).
    public var roundDuration: Duration
    /// How long one upstream call may take.
    public var requestTimeout: Duration
    /// A PEM file of the certificates an `https` upstream is trusted by instead of the system's
    /// roots (a self-signed or in-house CA), or `nil` for the system's.
    public var caFile: String?
    /// How long from the end of one consent pull to the start of the next; `nil` turns the pull off.
    public var pullInterval: Duration?
    /// The percentage of the day budget the consent pull may use, from 1 to 100.
    public var pullShare: Int
    /// Contacts a consent pull page asks for (`per_page`, at most 100).
    public var pullPageSize: Int
    /// How many upstream calls may be in flight at once.
    public var concurrency: Int

    /// Creates a configuration.
    /// - Parameters:
    ///   - endpoint: the upstream.
    ///   - credentials: how to authenticate.
    ///   - budget: default 60 a minute and 10,000 a day.
    ///   - pollInterval: default 1 s.
    ///   - backoffBase: default 0.5 s.
    ///   - backoffCap: default 60 s.
    ///   - planningWindow: default 100,000 changes.
    ///   - roundDuration: default 10 s.
    ///   - requestTimeout: default 30 s.
    ///   - caFile: default none: the system's trust roots.
    ///   - pullInterval: default 6 hours; `nil` for no pull.
    ///   - pullShare: default 20 (%).
    ///   - pullPageSize: default 100.
    ///   - concurrency: default 1 (Privy's 60 calls a minute leave nothing to overlap).
    public init(
        endpoint: UpstreamEndpoint,
        credentials: UpstreamCredentials,
        budget: SyncBudget = .init(),
        pollInterval: Duration = .seconds(1),
        backoffBase: Duration = .milliseconds(500),
        backoffCap: Duration = .seconds(60),
        planningWindow: Int = 100_000,
        roundDuration: Duration = .seconds(10),
        requestTimeout: Duration = .seconds(30),
        caFile: String? = nil,
        pullInterval: Duration? = .seconds(6 * 3_600),
        pullShare: Int = 20,
        pullPageSize: Int = 100,
        concurrency: Int = 1
    ) {
        self.endpoint = endpoint
        self.credentials = credentials
        self.budget = budget
        self.pollInterval = pollInterval
        self.backoffBase = backoffBase
        self.backoffCap = backoffCap
        self.planningWindow = planningWindow
        self.roundDuration = roundDuration
        self.requestTimeout = requestTimeout
        self.caFile = caFile
        self.pullInterval = pullInterval
        self.pullShare = min(100, max(1, pullShare))
        self.pullPageSize = min(100, max(1, pullPageSize))
        self.concurrency = max(1, concurrency)
    }

    /// The consent pull's schedule: its interval, and its share of the day budget in calls
    /// (`perDay × pullShare / 100`, at least 1).
    public var pullSchedule: PullSchedule {
        PullSchedule(
            intervalSeconds: pullInterval.map { $0.components.seconds },
            callsPerDay: budget.perDay * pullShare / 100,
            filterCount: PullFilter.all.count
        )
    }
}
