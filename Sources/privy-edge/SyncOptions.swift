public import ArgumentParser
import PrivySync

/// How `serve` reaches the upstream Privy API; without credentials, sync is off.
struct SyncOptions: ParsableArguments {
    @Option(Settings.upstream) var upstream: UpstreamEndpoint?

    @Option(Settings.upstreamToken) var token: String?

    @Option(Settings.upstreamClientID) var clientID: String?

    @Option(Settings.upstreamClientSecret) var clientSecret: String?

    @Option(Settings.upstreamBudgetPerMinute) var perMinute: Int?

    @Option(Settings.upstreamBudgetPerDay) var perDay: Int?

    @Option(Settings.syncPollInterval) var pollInterval: Duration?

    @Option(Settings.syncBackoffBase) var backoffBase: Duration?

    @Option(Settings.syncBackoffCap) var backoffCap: Duration?

    @Option(Settings.upstreamCAFile) var caFile: String?

    @Option(Settings.syncPullInterval) var pullInterval: PullInterval?

    @Option(Settings.syncPullShare) var pullShare: Int?

    @Option(Settings.syncConcurrency) var concurrency: Int?

    /// The exporter's configuration, or `nil` when no credentials are given (sync off).
    /// - Throws: ``ConfigurationError`` for an invalid value or half-given credentials.
    func exporterConfiguration(_ resolver: inout SettingsResolver) throws -> ExporterConfiguration? {
        let endpoint = try resolver.value(Settings.upstream, flag: upstream)
        let token = try resolver.value(Settings.upstreamToken, flag: token)
        let clientID = try resolver.value(Settings.upstreamClientID, flag: clientID)
        let clientSecret = try resolver.value(Settings.upstreamClientSecret, flag: clientSecret)
        let budget = SyncBudget(
            perMinute: try resolver.value(Settings.upstreamBudgetPerMinute, flag: perMinute),
            perDay: try resolver.value(Settings.upstreamBudgetPerDay, flag: perDay)
        )
        let pollInterval = try resolver.value(Settings.syncPollInterval, flag: pollInterval)
        let backoffBase = try resolver.value(Settings.syncBackoffBase, flag: backoffBase)
        let backoffCap = try resolver.value(Settings.syncBackoffCap, flag: backoffCap)
        let caFile = try resolver.value(Settings.upstreamCAFile, flag: caFile)
        let pullInterval = try resolver.value(Settings.syncPullInterval, flag: pullInterval)
        let pullShare = try resolver.value(Settings.syncPullShare, flag: pullShare)
        let concurrency = try resolver.value(Settings.syncConcurrency, flag: concurrency)
        let credentials: UpstreamCredentials
        switch (token, clientID, clientSecret) {
        case (nil, nil, nil):
            return nil
        case (let token?, nil, nil):
            credentials = .apiToken(token)
        case (nil, let id?, let secret?):
            credentials = .clientCredentials(id: id, secret: secret)
        case (nil, _, _):
            throw ConfigurationError("upstream_client_id and upstream_client_secret go together")
        case (_?, _, _):
            throw ConfigurationError("give either upstream_token or an OAuth client (upstream_client_id and upstream_client_secret), not both")
        }
        return ExporterConfiguration(
            endpoint: endpoint, credentials: credentials, budget: budget,
            pollInterval: pollInterval, backoffBase: backoffBase, backoffCap: backoffCap, caFile: caFile,
            pullInterval: pullInterval.duration, pullShare: pullShare, concurrency: concurrency
        )
    }
}

extension Duration: @retroactive ExpressibleByArgument {
    /// Reads `250ms`, `2s`, `5m` or `1h`.
    public init?(argument: String) {
        let units: [(suffix: String, make: (Int64) -> Duration)] = [
            ("ms", { .milliseconds($0) }), ("s", { .seconds($0) }), ("m", { .seconds($0 * 60) }), ("h", { .seconds($0 * 3_600) }),
        ]
        guard let unit = units.first(where: { argument.hasSuffix($0.suffix) }),
              let count = Int64(argument.dropLast(unit.suffix.count)), count >= 0
        else { return nil }
        self = unit.make(count)
    }
}
