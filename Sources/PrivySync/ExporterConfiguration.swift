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
        caFile: String? = nil
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
    }
}
