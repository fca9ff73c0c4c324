/// Where a setting's value came from, in the order they are asked: a flag, then an environment
/// variable, then the config file, then the default.
enum SettingOrigin: Sendable, CustomStringConvertible {
    case flag(String)
    case environment(String)
    case file(path: String, line: Int?)
    case defaultValue

    /// `flag --port`, `env PRIVY_EDGE_PORT`, `file /etc/privy-edge/privy-edge.toml:3` or `default`.
    var description: String {
        switch self {
        case .flag(let flag): "flag \(flag)"
        case .environment(let variable): "env \(variable)"
        case .file(let path, let line?): "file \(path):\(line)"
        case .file(let path, nil): "file \(path)"
        case .defaultValue: "default"
        }
    }
}
