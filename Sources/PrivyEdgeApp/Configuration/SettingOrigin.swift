/// Where a setting's value came from, in the order they are asked: a flag, then an environment
/// variable, then the config file, then the default.
public enum SettingOrigin: Sendable, CustomStringConvertible {
    /// A command-line flag, such as `--port`.
    case flag(String)
    /// An environment variable, such as `PRIVY_EDGE_PORT`.
    case environment(String)
    /// The config file, and the line that sets the key if it could be found.
    case file(path: String, line: Int?)
    /// No source set the key.
    case defaultValue

    /// `flag --port`, `env PRIVY_EDGE_PORT`, `file /etc/privy-edge/privy-edge.toml:3` or `default`.
    public var description: String {
        switch self {
        case .flag(let flag): "flag \(flag)"
        case .environment(let variable): "env \(variable)"
        case .file(let path, let line?): "file \(path):\(line)"
        case .file(let path, nil): "file \(path)"
        case .defaultValue: "default"
        }
    }
}
