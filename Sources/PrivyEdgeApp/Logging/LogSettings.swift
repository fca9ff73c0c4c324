public import Logging

/// The resolved log level and format.
public struct LogSettings: Sendable {
    /// The least severe level logged.
    public let level: Logger.Level
    /// The lines' format.
    public let format: LogFormat

    /// Resolves the level and the format.
    /// - Parameter resolver: the flags, the environment and the config file.
    /// - Throws: ``ConfigurationError`` for an invalid value.
    public init(resolving resolver: inout SettingsResolver) throws {
        level = try resolver.value(Settings.logLevel)
        format = try resolver.value(Settings.logFormat)
    }

    /// Makes every logger of the process write with ``EdgeLogHandler`` at ``level``; call once.
    /// - Returns: the server's logger.
    public func bootstrap() -> Logger {
        LoggingSystem.bootstrap { _ in EdgeLogHandler(format: format, level: level) }
        return Logger(label: "privy-edge")
    }
}
