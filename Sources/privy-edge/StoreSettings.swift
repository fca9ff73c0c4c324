import ArgumentParser
import PrivyStore

/// The resolved data directory, durability and size cap.
struct StoreSettings: Sendable {
    let dataDirectory: String
    let durability: Durability
    /// The largest the data file may grow, in bytes.
    let maxMapSize: Int

    /// Opens the store, turning failures into a one-line message for the operator.
    /// - Parameter onBatchCommitted: an observer of the writer's commits, for metrics.
    func open(onBatchCommitted: (@Sendable (CommitReport) -> Void)? = nil) async throws -> Store {
        do {
            return try await Store.open(directory: dataDirectory, configuration: .init(durability: durability, maxMapSize: maxMapSize), onBatchCommitted: onBatchCommitted)
        } catch let error as StoreError {
            throw ValidationError(error.description)
        }
    }
}
