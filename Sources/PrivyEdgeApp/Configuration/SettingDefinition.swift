/// One configuration key under its three names: `max_body_size` in the config file,
/// `--max-body-size` on the command line and `PRIVY_EDGE_MAX_BODY_SIZE` in the environment.
public protocol SettingDefinition: Sendable {
    /// The key in the config file, in snake case.
    var name: String { get }
    /// Why `value`, read from the config file, is not acceptable for this key.
    /// - Returns: the reason, or `nil` if the value is acceptable.
    func problem(with value: ConfigFileValue) -> String?
}

extension SettingDefinition {
    /// The command-line flag's name: the key in kebab case.
    public var flagName: String {
        String(name.map { $0 == "_" ? "-" : $0 })
    }

    /// The command-line flag: `--` and ``flagName``.
    public var flag: String {
        "--" + flagName
    }

    /// The environment variable: `PRIVY_EDGE_` and the key in upper case.
    public var environmentVariable: String {
        "PRIVY_EDGE_" + name.uppercased()
    }
}
