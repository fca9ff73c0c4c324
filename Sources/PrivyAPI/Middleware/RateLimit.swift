/// One rate-limit window the appliance enforces per token when it stands in for the upstream
/// (`serve --rate-limit N/window`), e.g. 60 requests every 60 seconds.
public struct RateLimit: Sendable, Hashable, CustomStringConvertible {
    /// Requests allowed per window.
    public var limit: Int
    /// The window's length in whole seconds; windows start at multiples of it since the Unix epoch.
    public var windowSeconds: Int64

    /// Creates a limit.
    /// - Parameters:
    ///   - limit: requests per window, at least 1.
    ///   - windowSeconds: the window in seconds, at least 1.
    public init(limit: Int, windowSeconds: Int64) {
        self.limit = max(1, limit)
        self.windowSeconds = max(1, windowSeconds)
    }

    /// Parses `N/window`: a count, a slash, and a window such as `1s`, `60s`, `1m`, `1h` or `1d`.
    /// - Returns: `nil` if the text is not of that form.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let limit = Int(parts[0]), limit > 0,
              let unit = parts[1].last, let count = Int64(parts[1].dropLast()), count > 0
        else { return nil }
        let seconds: Int64? = switch unit {
        case "s": 1
        case "m": 60
        case "h": 3_600
        case "d": 86_400
        default: nil
        }
        guard let seconds else { return nil }
        self.init(limit: limit, windowSeconds: count * seconds)
    }

    public var description: String {
        "\(limit)/\(windowSeconds)s"
    }
}
