import ArgumentParser

/// The admin listener's port: a number (0 picks a free one) or `off`.
enum AdminPort: Sendable, Hashable, ExpressibleByArgument, SettingValue, CustomStringConvertible {
    /// No admin listener.
    case off
    /// Listen on this port.
    case number(Int)

    init?(argument: String) {
        if argument == "off" {
            self = .off
        } else if let port = Int(argument), (0...65_535).contains(port) {
            self = .number(port)
        } else {
            return nil
        }
    }

    /// `admin_port = 9090` or `admin_port = "off"` in the config file.
    init?(fileValue: ConfigFileValue) {
        switch fileValue {
        case .integer(let port): self.init(argument: String(port))
        case .string(let text): self.init(argument: text)
        default: return nil
        }
    }

    static var expectation: String {
        "a port from 0 to 65535, or off"
    }

    var description: String {
        switch self {
        case .off: "off"
        case .number(let port): String(port)
        }
    }
}
