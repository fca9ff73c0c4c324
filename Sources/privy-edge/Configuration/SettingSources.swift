import Glibc

/// Where settings come from besides flags: `PRIVY_EDGE_*` environment variables and the config file.
struct SettingSources: Sendable {
    /// The config file read when neither `--config` nor `PRIVY_EDGE_CONFIG` names one, if it exists.
    static let defaultConfigPath = "/etc/privy-edge/privy-edge.toml"
    /// The environment variable that names the config file.
    static let configVariable = "PRIVY_EDGE_CONFIG"

    /// The config file in use, if any.
    let file: ConfigFile?
    /// Which config file is in use and why, or why none is: for `config check`.
    let fileNote: String

    /// Finds and reads the config file: `configFlag`, else `PRIVY_EDGE_CONFIG`, else the default
    /// path when it exists. A file named by the flag or the variable must exist.
    /// - Throws: ``ConfigurationError`` for a missing named file or an invalid one.
    init(configFlag: String?) throws {
        let named: (path: String, origin: String)? =
            configFlag.map { ($0, "--config") } ?? Self.environmentValue(Self.configVariable).map { ($0, Self.configVariable) }
        if let named {
            file = try ConfigFile(path: named.path, settings: Settings.all)
            fileNote = "config file \(named.path) (from \(named.origin))"
        } else if access(Self.defaultConfigPath, F_OK) == 0 {
            file = try ConfigFile(path: Self.defaultConfigPath, settings: Settings.all)
            fileNote = "config file \(Self.defaultConfigPath) (the default location)"
        } else {
            file = nil
            fileNote = "no config file (\(Self.defaultConfigPath) does not exist)"
        }
    }

    /// The value of an environment variable, if set and not empty.
    static func environmentValue(_ name: String) -> String? {
        guard let value = getenv(name).map({ String(cString: $0) }), !value.isEmpty else { return nil }
        return value
    }
}
