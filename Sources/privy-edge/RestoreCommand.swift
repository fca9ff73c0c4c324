import ArgumentParser
import PrivyEdgeApp
import PrivyStore

/// `privy-edge restore --from FILE`: replaces a data directory with a checked backup.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the data directory with a backup, after checking the backup.",
        discussion: """
            The backup is copied beside the data directory and opened read-only there first: a file \
            that is not a privy-edge backup, or one from a newer schema, is refused and nothing changes. \
            A data directory that a running process has open (LMDB's lock on lock.mdb) is always \
            refused: stop the server first. One that holds data is refused unless --force; it is \
            set aside as DIR.replaced-<time> and deleted once the new one is in place.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "The backup file, written by privy-edge backup.")
    var from: String

    @Flag(help: "Replace a data directory that holds data.")
    var force = false

    func run() async throws {
        let directory = try store.settings().dataDirectory
        let outcome = try BackupRestore.restore(from, into: directory, replacingData: force)
        let what = outcome.replacedExisting ? "Replaced \(directory)" : "Created \(directory)"
        print("\(what) from \(from): \(ByteCount.text(outcome.inspection.bytes)), schema version \(outcome.inspection.schemaVersion).")
    }
}
