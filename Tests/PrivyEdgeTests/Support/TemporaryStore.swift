import Foundation
import PrivyStore

/// Runs `body` with a store opened on a fresh temporary directory, then closes the store and
/// removes the directory, whether `body` throws or not.
func withTemporaryStore(_ body: (Store) async throws -> Void) async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("privy-edge-store-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let store = try await Store.open(directory: directory)
    do {
        try await body(store)
    } catch {
        await store.close()
        throw error
    }
    await store.close()
}
