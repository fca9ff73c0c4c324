/// A type a setting can hold: read from a flag or an environment variable as text, and from the
/// config file as a TOML value.
public protocol SettingValue: Sendable {
    /// Reads the value from a flag's or an environment variable's text; `nil` if the text is not valid.
    init?(settingText: String)
    /// Reads the value from the config file; `nil` if the TOML value has the wrong type or is not valid.
    init?(fileValue: ConfigFileValue)
    /// What a valid value looks like, for error messages: `an integer`, `one of durable, relaxed`.
    static var expectation: String { get }
    /// The value as `config check` prints it, in the form a flag takes.
    var settingText: String { get }
}

extension SettingValue {
    /// A string in the config file, read as a flag's text would be.
    public init?(fileValue: ConfigFileValue) {
        guard case .string(let text) = fileValue else { return nil }
        self.init(settingText: text)
    }
}

extension SettingValue where Self: CustomStringConvertible {
    public var settingText: String {
        description
    }
}

extension SettingValue where Self: CaseIterable, Self: RawRepresentable, RawValue == String {
    /// One of the cases' names.
    public init?(settingText: String) {
        self.init(rawValue: settingText)
    }

    /// `one of …` the cases' names.
    public static var expectation: String {
        "one of " + allCases.map(\.rawValue).joined(separator: ", ")
    }

    public var settingText: String {
        rawValue
    }
}
