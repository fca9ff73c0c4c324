import Foundation
import PrivyStore

/// A store in a new temporary directory, opened in relaxed durability for one benchmark and
/// deleted after it.
final class ScratchStore {
    private var directory: String?
    private var opened: Store?

    /// The open store; only between ``open()`` and ``close()``.
    var store: Store {
        guard let opened else { preconditionFailure("the scratch store is not open") }
        return opened
    }

    /// Creates the directory and opens the store in it.
    func open() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("privy-edge-benchmark-\(UUID())").path
        self.directory = directory
        opened = try await Store.open(directory: directory, configuration: .init(durability: .relaxed))
    }

    /// Closes the store and deletes its directory.
    func close() async throws {
        await opened?.close()
        opened = nil
        if let directory {
            try FileManager.default.removeItem(atPath: directory)
        }
        directory = nil
    }
}
