/// A setting as it was resolved: its key, its value as text (masked for a secret) and its origin.
struct ResolvedSetting: Sendable {
    /// What `config check` shows for a secret that is set.
    static let mask = "********"

    let name: String
    let text: String
    let origin: SettingOrigin
}
