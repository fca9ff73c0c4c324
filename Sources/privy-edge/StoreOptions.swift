public import ArgumentParser
import Glibc
public import PrivyStore

/// Where the data lives and how writes reach the disk; shared by every command.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: "The data directory (env PRIVY_EDGE_DATA_DIR; default ./privy-edge-data).")
    var dataDirectory: String?

    @Option(help: "durable: every acknowledged write is on disk; relaxed: a power loss may undo the last commit batch.")
    var durability: Durability = .durable

    /// The data directory to use: the flag, else `PRIVY_EDGE_DATA_DIR`, else `./privy-edge-data`.
    var resolvedDataDirectory: String {
        dataDirectory ?? environment("PRIVY_EDGE_DATA_DIR") ?? "./privy-edge-data"
    }

    /// Opens the store, turning failures into a one-line message for the operator.
    func openStore() async throws -> Store {
        do {
            return try await Store.open(directory: resolvedDataDirectory, configuration: .init(durability: durability))
        } catch let error as StoreError {
            throw ValidationError(error.description)
        }
    }
}

extension Durability: ExpressibleByArgument {}

/// The value of an environment variable, if set and not empty.
func environment(_ name: String) -> String? {
    guard let value = getenv(name).map({ String(cString: $0) }), !value.isEmpty else { return nil }
    return value
}
