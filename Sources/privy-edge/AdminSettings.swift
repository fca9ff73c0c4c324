import Hummingbird
import Logging
import PrivyAdmin
import PrivyStore
import ServiceLifecycle

/// The resolved address of the admin listener.
struct AdminSettings: Sendable {
    let host: String
    let port: AdminPort

    /// The admin listener as a service, or `nil` when it is off.
    func listener(store: Store, metrics: AdminMetrics, readiness: Readiness, syncEnabled: Bool, logger: Logger) -> (any Service)? {
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
