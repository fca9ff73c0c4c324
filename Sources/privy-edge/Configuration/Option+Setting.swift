import ArgumentParser
import PrivyEdgeApp

extension Option {
    /// The option of a setting: its flag, with help that names its environment variable, config
    /// key and default; `nil` unless given, so the other sources can be asked.
    init<Wrapped: ExpressibleByArgument, Resolved>(_ setting: Setting<Wrapped, Resolved>) where Value == Wrapped? {
        self.init(name: .customLong(setting.flagName), help: setting.help)
    }
}

extension Setting {
    /// The flag's help: the summary, the environment variable and the default.
    var help: ArgumentHelp {
        ArgumentHelp("\(summary.dropLast(summary.hasSuffix(".") ? 1 : 0)) (env \(environmentVariable), config key \(name); default \(defaultText)).")
    }
}
