import PrivySync

extension ExporterConfiguration {
    /// Resolves how the exporter reaches the upstream Privy API.
    /// - Parameter resolver: the flags, the environment and the config file.
    /// - Returns: the configuration, or `nil` when no credentials are given (sync off).
    /// - Throws: ``ConfigurationError`` for an invalid value or half-given credentials.
    static func resolve(_ resolver: inout SettingsResolver) throws -> ExporterConfiguration? {
        let endpoint = try resolver.value(Settings.upstream)
        let token = try resolver.value(Settings.upstreamToken)
        let clientID = try resolver.value(Settings.upstreamClientID)
        let clientSecret = try resolver.value(Settings.upstreamClientSecret)
        let budget = SyncBudget(
            perMinute: try resolver.value(Settings.upstreamBudgetPerMinute),
            perDay: try resolver.value(Settings.upstreamBudgetPerDay)
        )
        let pollInterval = try resolver.value(Settings.syncPollInterval)
        let backoffBase = try resolver.value(Settings.syncBackoffBase)
        let backoffCap = try resolver.value(Settings.syncBackoffCap)
        let caFile = try resolver.value(Settings.upstreamCAFile)
        let pullInterval = try resolver.value(Settings.syncPullInterval)
        let pullShare = try resolver.value(Settings.syncPullShare)
        let concurrency = try resolver.value(Settings.syncConcurrency)
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
