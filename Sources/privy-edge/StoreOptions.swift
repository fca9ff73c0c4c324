import ArgumentParser
import PrivyEdgeApp
import PrivyStore

/// Where the data lives and how writes reach the disk, and the config file; shared by every command.
struct StoreOptions: ParsableArguments {
    @OptionGroup var config: ConfigOptions

    @Option(Settings.dataDirectory) var dataDirectory: String?

    @Option(Settings.durability) var durability: Durability?

    @Option(Settings.maxMapSize) var maxMapSize: Int?

    /// Adds the flags given to `flags`.
    func collect(into flags: inout SettingFlags) {
        flags[Settings.dataDirectory] = dataDirectory
        flags[Settings.durability] = durability
        flags[Settings.maxMapSize] = maxMapSize
    }

    /// The store settings of a command: these flags, then the environment, then the config file.
    /// - Throws: ``ConfigurationError`` for an invalid configuration.
    func settings() throws -> StoreSettings {
        var flags = SettingFlags()
        collect(into: &flags)
        var resolver = try config.resolver(flags: flags)
        return try StoreSettings(resolving: &resolver)
    }

    /// Opens the store with ``settings()``; a store that does not open is reported as a bad argument is.
    func openStore() async throws -> Store {
        try await refusalAsValidationError { try await settings().open() }
    }
}
