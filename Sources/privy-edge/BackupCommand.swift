import ArgumentParser
import PrivyStore

/// `privy-edge backup --to FILE`: a consistent, compacted copy while the server keeps serving.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent, compacted copy of the data directory to a file, also while a server is running.",
        discussion: "The file is written beside FILE and renamed into place once complete, so FILE is never a partial backup. Restore it with privy-edge restore."
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "The backup file to write.")
    var to: String

    @Flag(help: "Overwrite FILE if it exists.")
    var force = false

    func run() async throws {
        let store = try await store.openStore()
        let result = Result { try store.backup(to: to, overwriting: force) }
        await store.close()
        let backup = try result.get()
        print("Backed up \(store.directory) to \(to): \(ByteCount.text(backup.bytes)), schema version \(backup.schemaVersion).")
    }
}
