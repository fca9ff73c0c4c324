public import Logging
public import PrivyAPI
public import PrivyStore
public import PrivySync

/// Every configuration key privy-edge knows, with its default and rule. The config file may set
/// only these keys; each has a flag and an environment variable named after it.
public enum Settings {
    public static let dataDirectory = Setting<String, String>(
        "data_dir", default: "./privy-edge-data", summary: "The data directory."
    )
    public static let durability = Setting<Durability, Durability>(
        "durability", default: .durable,
        summary: "durable: every acknowledged write is on disk; relaxed: a power loss may undo the last commit batch."
    )
    public static let maxMapSize = Setting<Int, Int>(
        "max_map_size", default: StoreConfiguration().maxMapSize,
        summary: "The largest the data file may grow, in bytes; at the cap writes get 507 storage_full and reads go on.",
        requirement: "a positive integer", accepts: { $0 > 0 }
    )
    public static let host = Setting<String, String>("host", default: "127.0.0.1", summary: "The address the API listens on.")
    public static let port = Setting<Int, Int>(
        "port", default: 8080, summary: "The port the API listens on (0 picks a free one).",
        requirement: "an integer from 0 to 65535", accepts: { (0...65_535).contains($0) }
    )
    public static let maxBodySize = Setting<Int, Int>(
        "max_body_size", default: 1 << 20, summary: "The largest request body accepted, in bytes.",
        requirement: "a positive integer", accepts: { $0 > 0 }
    )
    public static let idleTimeout = Setting<Duration, Duration>(
        "idle_timeout", default: .seconds(60),
        summary: "How long an API connection may stay silent, in the middle of a request too, before it is closed.",
        requirement: "a positive duration such as 30s", accepts: { $0 > .zero }
    )
    public static let requestReadTimeout = Setting<Duration, Duration>(
        "request_read_timeout", default: .seconds(30),
        summary: "How long a client may take to send one request's head and body, however it trickles them, before the connection is closed.",
        requirement: "a positive duration such as 30s", accepts: { $0 > .zero }
    )
    public static let maxConnections = Setting<Int, Int>(
        "max_connections", default: 1_024,
        summary: "The most API connections open at once; one more is closed at once and counted in privy_edge_connections_refused_total.",
        requirement: "a positive integer", accepts: { $0 > 0 }
    )
    public static let tlsCert = Setting<String, String?>(
        "tls_cert", summary: "A PEM certificate chain (server certificate first) to serve the API over TLS, with tls_key; re-read on SIGHUP."
    )
    public static let tlsKey = Setting<String, String?>(
        "tls_key", summary: "The PEM private key of tls_cert; re-read on SIGHUP."
    )
    public static let rateLimit = Setting<[RateLimit], [RateLimit]>(
        "rate_limit", default: [],
        summary: "Enforce Privy's rate limit per token, as the upstream does: N/window such as 60/60s; a second window is the day one.",
        requirement: "at most two windows (the minute one, then the day one), each N/window such as 60/60s",
        accepts: { $0.count <= 2 }
    )
    public static let adminHost = Setting<String, String>(
        "admin_host", default: "127.0.0.1",
        summary: "The address the admin listener (status page, /metrics, /healthz, /readyz) binds to; it has no authentication."
    )
    public static let adminPort = Setting<AdminPort, AdminPort>(
        "admin_port", default: .number(9090), summary: "The admin listener's port (0 picks a free one; off runs none)."
    )
    public static let logLevel = Setting<Logger.Level, Logger.Level>("log_level", default: .info, summary: "The least severe level logged.")
    public static let logFormat = Setting<LogFormat, LogFormat>(
        "log_format", default: .text, summary: "Log lines on standard error as text, logfmt or json."
    )
    public static let upstream = Setting<UpstreamEndpoint, UpstreamEndpoint>(
        "upstream", default: .privy, summary: "The upstream Privy API base URL."
    )
    public static let upstreamToken = Setting<String, String?>(
        "upstream_token", secret: true, summary: "A Privy API token for the upstream; sync is off without credentials."
    )
    public static let upstreamClientID = Setting<String, String?>(
        "upstream_client_id", summary: "An OAuth client id for the upstream, with upstream_client_secret (instead of a token)."
    )
    public static let upstreamClientSecret = Setting<String, String?>(
        "upstream_client_secret", secret: true, summary: "The OAuth client's secret."
    )
    public static let upstreamCAFile = Setting<String, String?>(
        "upstream_ca_file", summary: "A PEM file of the certificates to trust an https upstream by, instead of the system's (a self-signed or in-house CA)."
    )
    public static let upstreamBudgetPerMinute = Setting<Int, Int>(
        "upstream_budget_per_minute", default: 60, summary: "Upstream calls a minute the exporter allows itself, spread evenly.",
        requirement: "a positive integer", accepts: { $0 > 0 }
    )
    public static let upstreamBudgetPerDay = Setting<Int, Int>(
        "upstream_budget_per_day", default: 10_000, summary: "Upstream calls in any 24 hours the exporter allows itself.",
        requirement: "a positive integer", accepts: { $0 > 0 }
    )
    public static let syncPollInterval = Setting<Duration, Duration>(
        "sync_poll_interval", default: .seconds(1), summary: "How often the exporter looks for new changes."
    )
    public static let syncBackoffBase = Setting<Duration, Duration>(
        "sync_backoff_base", default: .milliseconds(500), summary: "The first retry delay after an upstream failure; it doubles."
    )
    public static let syncBackoffCap = Setting<Duration, Duration>(
        "sync_backoff_cap", default: .seconds(60), summary: "The longest retry delay after upstream failures."
    )
    public static let syncPullInterval = Setting<PullInterval, PullInterval>(
        "sync_pull_interval", default: .every(.seconds(6 * 3_600)),
        summary: "How long after one consent pull from the upstream the next starts; off pulls nothing."
    )
    public static let syncPullShare = Setting<Int, Int>(
        "sync_pull_share", default: 20, summary: "The percentage of upstream_budget_per_day the consent pull may use.",
        requirement: "an integer from 1 to 100", accepts: { (1...100).contains($0) }
    )
    public static let syncConcurrency = Setting<Int, Int>(
        "sync_concurrency", default: 1,
        summary: "Upstream calls the exporter keeps in flight at once (never two for one contact or order); raise it for an upstream with a high limit.",
        requirement: "an integer from 1 to 64", accepts: { (1...64).contains($0) }
    )

    /// Every key, in the order `config check` and the documentation list them.
    public static let all: [any SettingDefinition] = [
        dataDirectory, durability, maxMapSize, host, port, maxBodySize, idleTimeout, requestReadTimeout, maxConnections, tlsCert, tlsKey, rateLimit, adminHost, adminPort, logLevel, logFormat,
        upstream, upstreamToken, upstreamClientID, upstreamClientSecret, upstreamCAFile, upstreamBudgetPerMinute, upstreamBudgetPerDay,
        syncPollInterval, syncBackoffBase, syncBackoffCap, syncPullInterval, syncPullShare, syncConcurrency,
    ]
}
