import ArgumentParser

extension Option {
    /// The option of a setting: its flag, with help that names its environment variable, config
    /// key and default; `nil` unless given, so the other sources can be asked.
    init<Wrapped: ExpressibleByArgument, Resolved>(_ setting: Setting<Wrapped, Resolved>) where Value == Wrapped? {
        self.init(name: .customLong(setting.flagName), help: setting.help)
    }
}
