import Glibc
import Logging
import PrivyDomain

/// privy-edge's log handler: one line per event on standard error, in a ``LogFormat``, with the
/// time in UTC, the level, the message and the metadata (the logger's, its provider's and the
/// event's). A line is written with one `write(2)`, so lines from concurrent requests do not mix.
struct EdgeLogHandler: LogHandler {
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?
    private let format: LogFormat

    /// Creates a handler.
    /// - Parameters:
    ///   - format: the lines' format.
    ///   - level: the least severe level written.
    init(format: LogFormat, level: Logger.Level) {
        self.format = format
        logLevel = level
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { $1 } }
        if let own = event.metadata { merged.merge(own) { $1 } }
        if let error = event.error { merged["error"] = "\(error)" }
        let line = LogLine(format: format, time: Timestamp.now().rfc3339, level: event.level.rawValue, message: event.message.description, metadata: merged)
        line.bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(STDERR_FILENO, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
    }
}
