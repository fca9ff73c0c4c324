public import ArgumentParser
import Logging
import PrivyAPI
import PrivyStore
public import PrivySync

extension String: SettingValue {}

extension Int: SettingValue {
    init?(fileValue: ConfigFileValue) {
        guard case .integer(let value) = fileValue else { return nil }
        self = value
    }

    static var expectation: String {
        "an integer"
    }
}

extension Durability: SettingValue {
    var settingText: String {
        rawValue
    }
}

extension Logger.Level: SettingValue {
    var settingText: String {
        rawValue
    }
}

extension LogFormat: SettingValue {
    var settingText: String {
        rawValue
    }
}

extension RateLimit: SettingValue {
    static var expectation: String {
        "N/window such as 60/60s, 5/1s or 10000/1d"
    }
}

extension UpstreamEndpoint: SettingValue, ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }

    static var expectation: String {
        "an http or https URL such as https://api.privy.com/v1"
    }
}

extension Duration: SettingValue {
    static var expectation: String {
        "a duration such as 250ms, 2s, 5m or 1h"
    }

    /// The largest whole unit: `1h`, `5m`, `2s`, `250ms`.
    var settingText: String {
        let (seconds, attoseconds) = components
        if attoseconds != 0 { return "\(seconds * 1_000 + attoseconds / 1_000_000_000_000_000)ms" }
        if seconds > 0, seconds % 3_600 == 0 { return "\(seconds / 3_600)h" }
        if seconds > 0, seconds % 60 == 0 { return "\(seconds / 60)m" }
        return "\(seconds)s"
    }
}

/// A list: comma-separated in a flag's or a variable's text, a TOML array in the config file.
extension Array: SettingValue where Element: SettingValue {
    init?(settingText: String) {
        let items = settingText.filter { !$0.isWhitespace }.split(separator: ",")
        let values = items.compactMap { Element(settingText: String($0)) }
        guard values.count == items.count else { return nil }
        self = values
    }

    init?(fileValue: ConfigFileValue) {
        guard case .array(let items) = fileValue else { return nil }
        let values = items.compactMap(Element.init(fileValue:))
        guard values.count == items.count else { return nil }
        self = values
    }

    static var expectation: String {
        "a list of \(Element.expectation)"
    }

    /// The items joined by commas, or `none`.
    var settingText: String {
        isEmpty ? "none" : map(\.settingText).joined(separator: ",")
    }
}
