import ArgumentParser
import PrivyAPI
import PrivyStore

/// `privy-edge import orders FILE`: bulk historical import.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import history in bulk.",
        subcommands: [Orders.self]
    )

    struct Orders: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import order history: each line is a POST /v1/orders/placed body, applied with the endpoint's rules and initial_sync: true unless the line says false.",
            discussion: """
                Lines are applied in transactions of --batch-size lines; a line that breaks a rule is \
                rejected alone, written with its line number and errors to the rejects file, and the \
                import goes on. Exit status: 0 when every line was imported, 2 when some were rejected.
                """
        )

        @OptionGroup var store: StoreOptions

        @Argument(help: "An NDJSON file of orders, or - for standard input.")
        var file: String

        @Option(help: "Where rejected lines are written (default FILE.rejects.ndjson; stdin.rejects.ndjson for -).")
        var rejects: String?

        @Option(name: .customLong("batch-size"), help: "Lines per transaction: larger is faster, but a running server's writes wait for each one.")
        var batchSize = 10_000

        @Option(name: .customLong("max-line-bytes"), help: "The longest line accepted, as the endpoint's body limit.")
        var maxLineBytes = 1 << 20

        func validate() throws {
            guard batchSize > 0, maxLineBytes > 0 else { throw ValidationError("--batch-size and --max-line-bytes must be positive") }
        }

        func run() async throws {
            var reader = try NDJSONReader(path: file, maxLineBytes: maxLineBytes)
            defer { reader.close() }
            let rejectsFile = try RejectsFile(path: rejects ?? (file == "-" ? "stdin" : file) + ".rejects.ndjson")
            defer { rejectsFile.close() }
            let store = try await store.openStore()
            var progress = ImportProgress(totalBytes: reader.totalBytes)
            var totals = ImportTotals()
            do {
                var applying: Task<OrderImportReport, any Error>?
                while let chunk = try reader.next(lines: batchSize) {
                    let batch = OrderImportBatch(chunk, maxLineBytes: maxLineBytes)
                    if let applying { try record(await applying.value, in: &totals, rejectsFile) }
                    applying = Task { try await batch.apply(to: store) }
                    progress.update(lines: totals.lines + batch.lineCount, bytesRead: reader.bytesRead)
                }
                if let applying { try record(await applying.value, in: &totals, rejectsFile) }
            } catch {
                await store.close()
                progress.finish()
                print("Import stopped: \(error). Committed before it: \(totals.summary)")
                throw ExitCode.failure
            }
            await store.close()
            progress.finish()
            print("Imported \(file == "-" ? "standard input" : file): \(totals.summary).")
            if totals.rejected > 0 {
                print("Rejected lines, with their errors: \(rejectsFile.path)")
                throw ExitCode(2)
            }
        }

        private func record(_ report: OrderImportReport, in totals: inout ImportTotals, _ rejectsFile: RejectsFile) throws {
            totals.add(report)
            try rejectsFile.write(report.rejections)
        }
    }
}
