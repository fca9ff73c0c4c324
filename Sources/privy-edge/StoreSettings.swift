import ArgumentParser
import PrivyStore

/// The resolved data directory, durability and size cap.
struct StoreSettings: Sendable {
    let dataDirectory: String
    let durability: Durability
    /// The largest the data file may grow, in bytes.
    let maxMapSize: Int

    /// Opens the store, turning failures into a one-line message for the operator.
    func open() async throws -> Store {
        do {
            return try await Store.open(directory: dataDirectory, configuration: .init(durability: durability, maxMapSize: maxMapSize))
        } catch let error as StoreError {
            throw ValidationError(error.description)
        }
    }
}
