import ArgumentParser
import PrivyEdgeApp
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

    /// Adds the flags given to `flags`.
    func collect(into flags: inout SettingFlags) {
        flags[Settings.upstream] = upstream
        flags[Settings.upstreamToken] = token
        flags[Settings.upstreamClientID] = clientID
        flags[Settings.upstreamClientSecret] = clientSecret
        flags[Settings.upstreamBudgetPerMinute] = perMinute
        flags[Settings.upstreamBudgetPerDay] = perDay
        flags[Settings.syncPollInterval] = pollInterval
        flags[Settings.syncBackoffBase] = backoffBase
        flags[Settings.syncBackoffCap] = backoffCap
        flags[Settings.upstreamCAFile] = caFile
        flags[Settings.syncPullInterval] = pullInterval
        flags[Settings.syncPullShare] = pullShare
        flags[Settings.syncConcurrency] = concurrency
    }
}
