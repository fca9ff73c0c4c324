import ArgumentParser
import Logging

/// How much `serve` logs, and in which format.
struct LogOptions: ParsableArguments {
    @Option(Settings.logLevel) var level: Logger.Level?

    @Option(Settings.logFormat) var format: LogFormat?

    /// Resolves the level and the format.
    func resolve(_ resolver: inout SettingsResolver) throws -> LogSettings {
        LogSettings(
            level: try resolver.value(Settings.logLevel, flag: level),
            format: try resolver.value(Settings.logFormat, flag: format)
        )
    }
}
