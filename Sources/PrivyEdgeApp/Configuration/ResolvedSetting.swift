/// A setting as it was resolved: its key, its value as text (masked for a secret) and its origin.
public struct ResolvedSetting: Sendable {
    /// What `config check` shows for a secret that is set.
    public static let mask = "********"

    /// The key.
    public let name: String
    /// The value as `config check` prints it.
    public let text: String
    /// Where the value came from.
    public let origin: SettingOrigin
}
