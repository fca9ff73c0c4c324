import ArgumentParser
import Logging
import PrivyEdgeApp

/// How much `serve` logs, and in which format.
struct LogOptions: ParsableArguments {
    @Option(Settings.logLevel) var level: Logger.Level?

    @Option(Settings.logFormat) var format: LogFormat?

    /// Adds the flags given to `flags`.
    func collect(into flags: inout SettingFlags) {
        flags[Settings.logLevel] = level
        flags[Settings.logFormat] = format
    }
}
