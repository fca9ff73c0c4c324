import ArgumentParser

/// `privy-edge config`: the configuration's commands.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check the configuration: flags, then PRIVY_EDGE_* environment variables, then the config file, then defaults.",
        subcommands: [ConfigCheckCommand.self]
    )
}
