import ArgumentParser

/// Where `serve` runs its admin listener: the status page, `/metrics`, `/healthz` and `/readyz`.
struct AdminOptions: ParsableArguments {
    @Option(Settings.adminHost) var host: String?

    @Option(Settings.adminPort) var port: AdminPort?

    /// Resolves the admin listener's address.
    func resolve(_ resolver: inout SettingsResolver) throws -> AdminSettings {
        AdminSettings(
            host: try resolver.value(Settings.adminHost, flag: host),
            port: try resolver.value(Settings.adminPort, flag: port)
        )
    }
}
