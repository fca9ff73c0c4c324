/// Resolves settings, each once: a flag, else its environment variable, else the config file,
/// else the default. It records every value and its origin for `config check`.
public struct SettingsResolver: Sendable {
    /// The flags given.
    let flags: SettingFlags
    /// The environment and the config file.
    let sources: SettingSources
    /// The settings resolved so far, in order.
    private(set) var resolved: [ResolvedSetting] = []

    /// What was resolved so far and from where, for `config check`.
    public var report: ConfigurationReport {
        ConfigurationReport(fileNote: sources.fileNote, settings: resolved)
    }

    /// Creates a resolver.
    /// - Parameters:
    ///   - flags: the settings given as flags; default none.
    ///   - sources: the environment and the config file.
    public init(flags: SettingFlags = SettingFlags(), sources: SettingSources) {
        self.flags = flags
        self.sources = sources
    }

    /// Resolves one setting.
    /// - Parameter setting: the key.
    /// - Returns: the value, or the default.
    /// - Throws: ``ConfigurationError`` if the flag or the environment variable holds an invalid value.
    public mutating func value<Value, Resolved>(_ setting: Setting<Value, Resolved>) throws -> Resolved {
        guard let found = try find(setting) else {
            resolved.append(ResolvedSetting(name: setting.name, text: setting.defaultText, origin: .defaultValue))
            return setting.defaultValue
        }
        let text = setting.isSecret ? ResolvedSetting.mask : found.value.settingText
        resolved.append(ResolvedSetting(name: setting.name, text: text, origin: found.origin))
        return setting.resolved(found.value)
    }

    private func find<Value, Resolved>(_ setting: Setting<Value, Resolved>) throws -> (value: Value, origin: SettingOrigin)? {
        if let flag = flags[setting] {
            guard setting.accepts(flag) else { throw ConfigurationError(setting.flag + ": " + setting.problem(showing: flag.settingText)) }
            return (flag, .flag(setting.flag))
        }
        let variable = setting.environmentVariable
        if let text = sources.environmentValue(variable) {
            guard let value = setting.value(fromText: text) else {
                throw ConfigurationError("environment variable \(variable): " + setting.problem(showing: "\"\(text)\""))
            }
            return (value, .environment(variable))
        }
        if let file = sources.file, let entry = file.entry(setting.name), let value = setting.value(fromFile: entry.value) {
            return (value, .file(path: file.path, line: entry.line))
        }
        return nil
    }
}
