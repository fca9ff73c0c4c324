import ArgumentParser

/// A type a setting can hold: read from a flag or an environment variable as text, and from the
/// config file as a TOML value.
protocol SettingValue: Sendable {
    /// Reads the value from an environment variable's text; `nil` if the text is not valid.
    init?(settingText: String)
    /// Reads the value from the config file; `nil` if the TOML value has the wrong type or is not valid.
    init?(fileValue: ConfigFileValue)
    /// What a valid value looks like, for error messages: `an integer`, `one of durable, relaxed`.
    static var expectation: String { get }
    /// The value as `config check` prints it, in the form a flag takes.
    var settingText: String { get }
}

extension SettingValue where Self: ExpressibleByArgument {
    init?(settingText: String) {
        self.init(argument: settingText)
    }

    /// A string in the config file, read as the flag would read it.
    init?(fileValue: ConfigFileValue) {
        guard case .string(let text) = fileValue else { return nil }
        self.init(argument: text)
    }

    /// `one of …` for a type with a fixed set of values, else `a string`.
    static var expectation: String {
        allValueStrings.isEmpty ? "a string" : "one of " + allValueStrings.joined(separator: ", ")
    }
}

extension SettingValue where Self: CustomStringConvertible {
    var settingText: String {
        description
    }
}
