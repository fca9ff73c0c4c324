public import ArgumentParser
import PrivySync

/// How `serve` reaches the upstream Privy API; without credentials, sync is off.
struct SyncOptions: ParsableArguments {
    @Option(name: .customLong("upstream"), help: "The upstream Privy API base URL (env PRIVY_EDGE_UPSTREAM; default https://api.privy.com/v1).")
    var upstream: String?

    @Option(name: .customLong("upstream-token"), help: "A Privy API token for the upstream (env PRIVY_EDGE_UPSTREAM_TOKEN).")
    var token: String?

    @Option(name: .customLong("upstream-client-id"), help: "An OAuth client id for the upstream, with --upstream-client-secret (env PRIVY_EDGE_UPSTREAM_CLIENT_ID).")
    var clientID: String?

    @Option(name: .customLong("upstream-client-secret"), help: "The OAuth client's secret (env PRIVY_EDGE_UPSTREAM_CLIENT_SECRET).")
    var clientSecret: String?

    @Option(name: .customLong("upstream-budget-per-minute"), help: "Upstream calls a minute the exporter allows itself, spread evenly.")
    var perMinute = 60

    @Option(name: .customLong("upstream-budget-per-day"), help: "Upstream calls in any 24 hours the exporter allows itself.")
    var perDay = 10_000

    @Option(name: .customLong("sync-poll-interval"), help: .hidden)
    var pollInterval: Duration = .seconds(1)

    @Option(name: .customLong("sync-backoff-base"), help: .hidden)
    var backoffBase: Duration = .milliseconds(500)

    @Option(name: .customLong("sync-backoff-cap"), help: .hidden)
    var backoffCap: Duration = .seconds(60)

    func validate() throws {
        guard perMinute > 0, perDay > 0 else { throw ValidationError("the upstream budgets must be positive") }
    }

    /// The exporter's configuration, or `nil` when no credentials are given (sync off).
    /// - Throws: `ValidationError` for a bad URL or half-given credentials.
    func exporterConfiguration() throws -> ExporterConfiguration? {
        let url = upstream ?? environment("PRIVY_EDGE_UPSTREAM") ?? UpstreamEndpoint.privy.baseURL
        guard let endpoint = UpstreamEndpoint(url) else {
            throw ValidationError("--upstream must be an http or https URL such as https://api.privy.com/v1")
        }
        let token = token ?? environment("PRIVY_EDGE_UPSTREAM_TOKEN")
        let clientID = clientID ?? environment("PRIVY_EDGE_UPSTREAM_CLIENT_ID")
        let clientSecret = clientSecret ?? environment("PRIVY_EDGE_UPSTREAM_CLIENT_SECRET")
        let credentials: UpstreamCredentials
        switch (token, clientID, clientSecret) {
        case (nil, nil, nil):
            return nil
        case (let token?, nil, nil):
            credentials = .apiToken(token)
        case (nil, let id?, let secret?):
            credentials = .clientCredentials(id: id, secret: secret)
        case (nil, _, _):
            throw ValidationError("--upstream-client-id and --upstream-client-secret go together")
        case (_?, _, _):
            throw ValidationError("give either --upstream-token or an OAuth client, not both")
        }
        return ExporterConfiguration(
            endpoint: endpoint,
            credentials: credentials,
            budget: SyncBudget(perMinute: perMinute, perDay: perDay),
            pollInterval: pollInterval,
            backoffBase: backoffBase,
            backoffCap: backoffCap
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
