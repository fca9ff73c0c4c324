/// The admin listener's port: a number (0 picks a free one) or `off`.
public enum AdminPort: Sendable, Hashable, SettingValue, CustomStringConvertible {
    /// No admin listener.
    case off
    /// Listen on this port.
    case number(Int)

    /// Reads `off` or a port from 0 to 65535.
    public init?(settingText: String) {
        if settingText == "off" {
            self = .off
        } else if let port = Int(settingText), (0...65_535).contains(port) {
            self = .number(port)
        } else {
            return nil
        }
    }

    /// `admin_port = 9090` or `admin_port = "off"` in the config file.
    public init?(fileValue: ConfigFileValue) {
        switch fileValue {
        case .integer(let port): self.init(settingText: String(port))
        case .string(let text): self.init(settingText: text)
        default: return nil
        }
    }

    public static var expectation: String {
        "a port from 0 to 65535, or off"
    }

    public var description: String {
        switch self {
        case .off: "off"
        case .number(let port): String(port)
        }
    }
}
