import Glibc

/// Where settings come from besides flags: `PRIVY_EDGE_*` environment variables and the config file.
public struct SettingSources: Sendable {
    /// The config file read when neither `--config` nor `PRIVY_EDGE_CONFIG` names one, if it exists.
    public static let defaultConfigPath = "/etc/privy-edge/privy-edge.toml"
    /// The environment variable that names the config file.
    public static let configVariable = "PRIVY_EDGE_CONFIG"

    /// The config file in use, if any.
    let file: ConfigFile?
    /// Which config file is in use and why, or why none is: for `config check`.
    public let fileNote: String
    private let environment: [String: String]

    /// Finds and reads the config file: `configFlag`, else `PRIVY_EDGE_CONFIG`, else the default
    /// path when it exists. A file named by the flag or the variable must exist.
    /// - Parameters:
    ///   - configFlag: the path `--config` gave, or `nil`.
    ///   - environment: the process's environment variables (`ProcessInfo.processInfo.environment`).
    /// - Throws: ``ConfigurationError`` for a missing named file or an invalid one.
    public init(configFlag: String?, environment: [String: String]) throws {
        self.environment = environment
        let named: (path: String, origin: String)? =
            configFlag.map { ($0, "--config") } ?? Self.value(of: Self.configVariable, in: environment).map { ($0, Self.configVariable) }
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
    func environmentValue(_ name: String) -> String? {
        Self.value(of: name, in: environment)
    }

    private static func value(of name: String, in environment: [String: String]) -> String? {
        guard let value = environment[name], !value.isEmpty else { return nil }
        return value
    }
}
