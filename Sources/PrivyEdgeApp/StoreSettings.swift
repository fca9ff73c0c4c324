public import PrivyStore

/// The resolved data directory, durability and size cap.
public struct StoreSettings: Sendable {
    /// The data directory.
    public let dataDirectory: String
    /// How a commit reaches the disk.
    public let durability: Durability
    /// The largest the data file may grow, in bytes.
    public let maxMapSize: Int

    /// Resolves the data directory, the durability and the size cap.
    /// - Parameter resolver: the flags, the environment and the config file.
    /// - Throws: ``ConfigurationError`` for an invalid value.
    public init(resolving resolver: inout SettingsResolver) throws {
        dataDirectory = try resolver.value(Settings.dataDirectory)
        durability = try resolver.value(Settings.durability)
        maxMapSize = try resolver.value(Settings.maxMapSize)
    }

    /// Opens the store.
    /// - Parameter onBatchCommitted: an observer of the writer's commits, for metrics.
    /// - Returns: the open store.
    /// - Throws: ``DataDirectoryRefused`` with a one-line message for the operator when the
    ///   store does not open.
    public func open(onBatchCommitted: (@Sendable (CommitReport) -> Void)? = nil) async throws -> Store {
        do {
            return try await Store.open(directory: dataDirectory, configuration: .init(durability: durability, maxMapSize: maxMapSize), onBatchCommitted: onBatchCommitted)
        } catch let error as StoreError {
            throw DataDirectoryRefused(error.description)
        }
    }
}
