public import Logging
public import PrivyAPI
public import PrivyStore
public import PrivySync

extension String: SettingValue {
    public init?(settingText: String) {
        self = settingText
    }

    public static var expectation: String {
        "a string"
    }
}

extension Int: SettingValue {
    public init?(settingText: String) {
        self.init(settingText, radix: 10)
    }

    public init?(fileValue: ConfigFileValue) {
        guard case .integer(let value) = fileValue else { return nil }
        self = value
    }

    public static var expectation: String {
        "an integer"
    }
}

extension Durability: SettingValue {}

extension Logger.Level: SettingValue {
    /// A level's name, in any case, as swift-log reads it.
    public init?(settingText: String) {
        self.init(settingText)
    }

    public var settingText: String {
        rawValue
    }
}

extension LogFormat: SettingValue {}

extension RateLimit: SettingValue {
    public init?(settingText: String) {
        self.init(parsing: settingText)
    }

    public static var expectation: String {
        "N/window such as 60/60s, 5/1s or 10000/1d"
    }
}

extension UpstreamEndpoint: SettingValue {
    public init?(settingText: String) {
        self.init(settingText)
    }

    public static var expectation: String {
        "an http or https URL such as https://api.privy.com/v1"
    }
}

extension Duration: SettingValue {
    /// Reads `250ms`, `2s`, `5m` or `1h`.
    public init?(settingText: String) {
        let units: [(suffix: String, make: (Int64) -> Duration)] = [
            ("ms", { .milliseconds($0) }), ("s", { .seconds($0) }), ("m", { .seconds($0 * 60) }), ("h", { .seconds($0 * 3_600) }),
        ]
        guard let unit = units.first(where: { settingText.hasSuffix($0.suffix) }),
              let count = Int64(settingText.dropLast(unit.suffix.count)), count >= 0
        else { return nil }
        self = unit.make(count)
    }

    public static var expectation: String {
        "a duration such as 250ms, 2s, 5m or 1h"
    }

    /// The largest whole unit: `1h`, `5m`, `2s`, `250ms`.
    public var settingText: String {
        let (seconds, attoseconds) = components
        if attoseconds != 0 { return "\(seconds * 1_000 + attoseconds / 1_000_000_000_000_000)ms" }
        if seconds > 0, seconds % 3_600 == 0 { return "\(seconds / 3_600)h" }
        if seconds > 0, seconds % 60 == 0 { return "\(seconds / 60)m" }
        return "\(seconds)s"
    }
}

/// A list: comma-separated in a flag's or a variable's text, a TOML array in the config file.
extension Array: SettingValue where Element: SettingValue {
    public init?(settingText: String) {
        let items = settingText.filter { !$0.isWhitespace }.split(separator: ",")
        let values = items.compactMap { Element(settingText: String($0)) }
        guard values.count == items.count else { return nil }
        self = values
    }

    public init?(fileValue: ConfigFileValue) {
        guard case .array(let items) = fileValue else { return nil }
        let values = items.compactMap(Element.init(fileValue:))
        guard values.count == items.count else { return nil }
        self = values
    }

    public static var expectation: String {
        "a list of \(Element.expectation)"
    }

    /// The items joined by commas, or `none`.
    public var settingText: String {
        isEmpty ? "none" : map(\.settingText).joined(separator: ",")
    }
}
