import ArgumentParser
import PrivyStore

/// The resolved data directory and durability.
struct StoreSettings: Sendable {
    let dataDirectory: String
    let durability: Durability

    /// Opens the store, turning failures into a one-line message for the operator.
    func open() async throws -> Store {
        do {
            return try await Store.open(directory: dataDirectory, configuration: .init(durability: durability))
        } catch let error as StoreError {
            throw ValidationError(error.description)
        }
    }
}
