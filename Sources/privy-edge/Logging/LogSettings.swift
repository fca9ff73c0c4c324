import Logging

/// The resolved log level and format.
struct LogSettings: Sendable {
    let level: Logger.Level
    let format: LogFormat

    /// Makes every logger of the process write with ``EdgeLogHandler`` at ``level``; call once.
    /// - Returns: the server's logger.
    func bootstrap() -> Logger {
        LoggingSystem.bootstrap { _ in EdgeLogHandler(format: format, level: level) }
        return Logger(label: "privy-edge")
    }
}
