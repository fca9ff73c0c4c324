import ArgumentParser
import Foundation
import PrivyEdgeApp

/// `--config PATH`: the TOML config file every command reads its settings from, after flags and
/// environment variables.
struct ConfigOptions: ParsableArguments {
    @Option(
        name: .customLong("config"),
        help: "The TOML config file (env \(SettingSources.configVariable); default \(SettingSources.defaultConfigPath) when it exists)."
    )
    var path: String?

    /// A resolver over `flags`, the process's environment and the config file.
    /// - Throws: ``ConfigurationError`` if a named config file is missing, or the file is invalid.
    func resolver(flags: SettingFlags) throws -> SettingsResolver {
        SettingsResolver(flags: flags, sources: try SettingSources(configFlag: path, environment: ProcessInfo.processInfo.environment))
    }
}
