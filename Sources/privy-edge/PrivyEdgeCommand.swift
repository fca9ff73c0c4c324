import ArgumentParser

/// `privy-edge`: Privy's contacts and orders API at the merchant's site.
@main
struct PrivyEdgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "privy-edge",
        abstract: "Privy's contacts and orders API, served from an embedded store at your site, replicated upstream.",
        subcommands: [ServeCommand.self, TokensCommand.self, ClientsCommand.self, IntegrationsCommand.self, SyncCommand.self, ImportCommand.self, BackupCommand.self, RestoreCommand.self, DoctorCommand.self, ConfigCommand.self, TLSCommand.self, BenchCommand.self],
        defaultSubcommand: ServeCommand.self
    )
}
