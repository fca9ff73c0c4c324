import ArgumentParser

/// How often the exporter pulls consent from the upstream: a duration, or `off`.
enum PullInterval: Sendable, Hashable, ExpressibleByArgument, SettingValue, CustomStringConvertible {
    /// No consent pull.
    case off
    /// A pull this long after the last one finished.
    case every(Duration)

    init?(argument: String) {
        if argument == "off" {
            self = .off
        } else if let interval = Duration(argument: argument) {
            self = .every(interval)
        } else {
            return nil
        }
    }

    static var expectation: String {
        "a duration such as 30m or 6h, or off"
    }

    /// The interval, or `nil` when off.
    var duration: Duration? {
        if case .every(let interval) = self { interval } else { nil }
    }

    var description: String {
        duration?.settingText ?? "off"
    }
}
