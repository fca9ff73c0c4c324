/// The settings given as command-line flags, by key: each flag the command line parsed, typed
/// as its setting holds it. A key not set here is looked up in the other sources.
public struct SettingFlags: Sendable {
    private var values: [String: any Sendable] = [:]

    /// No flags.
    public init() {}

    /// The flag's value for `setting`, or `nil` if the flag was not given.
    public subscript<Value, Resolved>(setting: Setting<Value, Resolved>) -> Value? {
        get { values[setting.name] as? Value }
        set { values[setting.name] = newValue }
    }
}
