import ArgumentParser
import NIOCore
import NIOPosix

/// `privy-edge`: Privy's contacts and orders API at the merchant's site.
@main
struct PrivyEdgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "privy-edge",
        abstract: "Privy's contacts and orders API, served from an embedded store at your site, replicated upstream.",
        subcommands: [ServeCommand.self, TokensCommand.self, ClientsCommand.self, IntegrationsCommand.self, SyncCommand.self, ImportCommand.self, BackupCommand.self, RestoreCommand.self, DoctorCommand.self, ConfigCommand.self, BenchCommand.self, EchoServerCommand.self],
        defaultSubcommand: ServeCommand.self
    )

    /// Runs the command line with Swift concurrency's global executor on NIO's event loops, the
    /// ones Hummingbird serves on: a request handler then stays on its connection's thread
    /// instead of hopping to the cooperative pool and back for every `await`.
    static func main() async {
        _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        await main(nil)
    }
}
