public import Hummingbird
public import Logging
public import PrivyAdmin
public import PrivyStore

/// The resolved address of the admin listener.
public struct AdminSettings: Sendable {
    /// The address the admin listener binds to.
    public let host: String
    /// Its port, or `off`.
    public let port: AdminPort

    /// Resolves the admin listener's address.
    /// - Parameter resolver: the flags, the environment and the config file.
    /// - Throws: ``ConfigurationError`` for an invalid value.
    public init(resolving resolver: inout SettingsResolver) throws {
        host = try resolver.value(Settings.adminHost)
        port = try resolver.value(Settings.adminPort)
    }

    /// The admin listener: the status page, `/metrics`, `/healthz` and `/readyz`.
    /// - Parameters:
    ///   - store: the open store.
    ///   - metrics: the registry `/metrics` exposes.
    ///   - readiness: what `/readyz` answers.
    ///   - syncEnabled: whether the exporter runs, for the status page.
    ///   - logger: where the listener says where it listens.
    /// - Returns: the listener's application, or `nil` when the port is `off`.
    public func listener(
        store: Store, metrics: AdminMetrics, readiness: Readiness, syncEnabled: Bool, logger: Logger
    ) -> Application<RouterResponder<BasicRequestContext>>? {
        guard case .number(let port) = port else { return nil }
        let host = host
        return Application(
            router: buildAdminRouter(store: store, metrics: metrics, readiness: readiness, syncEnabled: syncEnabled),
            configuration: .init(address: .hostname(host, port: port), serverName: "privy-edge-admin"),
            onServerRunning: { channel in
                logger.notice("privy-edge admin on http://\(boundAddress(of: channel, host: host, port: port)): status page at /, /metrics, /healthz, /readyz")
            },
            logger: logger
        )
    }
}
