public import PrivySync

/// Everything `serve` runs with, resolved.
public struct ServeSettings: Sendable {
    /// The data directory and how writes reach the disk.
    public let store: StoreSettings
    /// The API listener.
    public let http: HTTPSettings
    /// The admin listener.
    public let admin: AdminSettings
    /// The log lines.
    public let log: LogSettings
    /// The sync exporter's configuration, or `nil` when sync is off.
    public let exporter: ExporterConfiguration?

    /// Resolves every setting, each once: flags, then the environment, then the config file,
    /// then defaults. The resolver's report then says what each came from.
    /// - Parameter resolver: the flags, the environment and the config file.
    /// - Throws: ``ConfigurationError`` for an invalid configuration.
    public init(resolving resolver: inout SettingsResolver) throws {
        store = try StoreSettings(resolving: &resolver)
        http = try HTTPSettings(resolving: &resolver)
        admin = try AdminSettings(resolving: &resolver)
        log = try LogSettings(resolving: &resolver)
        exporter = try ExporterConfiguration.resolve(&resolver)
    }
}
