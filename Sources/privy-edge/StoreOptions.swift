public import ArgumentParser
public import PrivyStore

/// Where the data lives and how writes reach the disk, and the config file; shared by every command.
struct StoreOptions: ParsableArguments {
    @OptionGroup var config: ConfigOptions

    @Option(Settings.dataDirectory) var dataDirectory: String?

    @Option(Settings.durability) var durability: Durability?

    @Option(Settings.maxMapSize) var maxMapSize: Int?

    /// Resolves the data directory, the durability and the size cap.
    func resolve(_ resolver: inout SettingsResolver) throws -> StoreSettings {
        StoreSettings(
            dataDirectory: try resolver.value(Settings.dataDirectory, flag: dataDirectory),
            durability: try resolver.value(Settings.durability, flag: durability),
            maxMapSize: try resolver.value(Settings.maxMapSize, flag: maxMapSize)
        )
    }

    /// The store settings of a command: these flags, then the environment, then the config file.
    /// - Throws: ``ConfigurationError`` for an invalid configuration.
    func settings() throws -> StoreSettings {
        var resolver = try config.resolver()
        return try resolve(&resolver)
    }

    /// Opens the store with ``settings()``, turning failures into a one-line message for the operator.
    func openStore() async throws -> Store {
        try await settings().open()
    }
}

extension Durability: ExpressibleByArgument {}
