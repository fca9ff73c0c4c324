/// The effective configuration as `config check` prints it: which config file is in use, then
/// one line per setting with its value (a secret masked) and where it came from.
public struct ConfigurationReport: Sendable {
    /// Which config file is in use and why, or why none is.
    public let fileNote: String
    /// The settings, in the order they were resolved.
    public let settings: [ResolvedSetting]

    /// The report as aligned lines of text.
    public var text: String {
        let nameWidth = settings.map(\.name.count).max() ?? 0
        let textWidth = settings.map(\.text.count).max() ?? 0
        let lines = settings.map { setting in
            Self.padded(setting.name, to: nameWidth) + "  " + Self.padded(setting.text, to: textWidth) + "  " + setting.origin.description
        }
        return ([fileNote] + lines).joined(separator: "\n")
    }

    private static func padded(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
