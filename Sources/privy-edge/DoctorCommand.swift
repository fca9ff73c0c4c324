import ArgumentParser
import PrivyEdgeApp
import PrivyStore

/// `privy-edge doctor`: checks a data directory and says what to do.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check a data directory: schema, map use, stale readers, sync health, permissions, disk space.",
        discussion: "Prints one line per check; each FINDING line ends with what to do. Exit status: 0 when healthy, 1 with findings. Stale reader slots are cleared on the way."
    )

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let settings = try store.settings()
        var diagnosis = Diagnosis()
        if let health = examine(settings.dataDirectory, into: &diagnosis) {
            diagnosis.check(health, maxMapSize: settings.maxMapSize)
            if health.store?.schemaVersion == DataDirectoryHealth.supportedSchemaVersion {
                await checkSync(into: &diagnosis)
            }
        }
        for line in diagnosis.lines { print(line.text) }
        if !diagnosis.isHealthy { throw ExitCode.failure }
    }

    /// The directory's figures, or `nil` (with a finding) when there is nothing to examine.
    private func examine(_ directory: String, into diagnosis: inout Diagnosis) -> DataDirectoryHealth? {
        do {
            return try DataDirectoryHealth.examine(directory: directory)
        } catch {
            diagnosis.cannotCheck(directory, because: error)
            return nil
        }
    }

    private func checkSync(into diagnosis: inout Diagnosis) async {
        do {
            let store = try await store.openStore()
            let status = Result { try store.outbox.syncStatus() }
            await store.close()
            diagnosis.check(try status.get())
        } catch {
            diagnosis.cannotCheck("sync health", because: error)
        }
    }
}
