/// How often the exporter pulls consent from the upstream: a duration, or `off`.
public enum PullInterval: Sendable, Hashable, SettingValue, CustomStringConvertible {
    /// No consent pull.
    case off
    /// A pull this long after the last one finished.
    case every(Duration)

    /// Reads `off` or a duration such as `30m`.
    public init?(settingText: String) {
        if settingText == "off" {
            self = .off
        } else if let interval = Duration(settingText: settingText) {
            self = .every(interval)
        } else {
            return nil
        }
    }

    public static var expectation: String {
        "a duration such as 30m or 6h, or off"
    }

    /// The interval, or `nil` when off.
    public var duration: Duration? {
        if case .every(let interval) = self { interval } else { nil }
    }

    public var description: String {
        duration?.settingText ?? "off"
    }
}
