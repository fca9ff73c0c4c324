import PrivySync

/// Everything `serve` runs with, resolved.
struct ServeSettings: Sendable {
    let store: StoreSettings
    let http: HTTPSettings
    let admin: AdminSettings
    let log: LogSettings
    /// The sync exporter's configuration, or `nil` when sync is off.
    let exporter: ExporterConfiguration?
}
