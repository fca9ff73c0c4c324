import ArgumentParser
import PrivyEdgeApp

/// Where `serve` runs its admin listener: the status page, `/metrics`, `/healthz` and `/readyz`.
struct AdminOptions: ParsableArguments {
    @Option(Settings.adminHost) var host: String?

    @Option(Settings.adminPort) var port: AdminPort?

    /// Adds the flags given to `flags`.
    func collect(into flags: inout SettingFlags) {
        flags[Settings.adminHost] = host
        flags[Settings.adminPort] = port
    }
}
