import ArgumentParser
import PrivyDomain
import PrivyEdgeApp
import PrivyStore

/// `privy-edge sync status|dead-letters`: the sync exporter's figures and its dead letters.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Show the sync exporter's status and manage its dead letters.",
        subcommands: [Status.self, DeadLetters.self]
    )

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Backlog, progress, pace and failures of the replication to the upstream.")

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let server = ServeLock.holder(of: try self.store.settings().dataDirectory)
            let store = try await store.openStore()
            let status = try store.outbox.syncStatus()
            await store.close()
            let oldest = status.oldestPendingAt.map { " (oldest \($0.rfc3339), \(status.oldestPendingAge ?? 0) s ago)" } ?? ""
            print(Table.render(header: ["FIGURE", "VALUE"], rows: [
                ["exporter", Self.exporter(status.exporter, server: server)],
                ["backlog", "\(status.backlog) changes\(oldest)"],
                ["checkpoint", "\(status.checkpoint)"],
                ["last success", status.lastSuccessAt?.rfc3339 ?? "never"],
                ["calls made", "\(status.callsMade)"],
                ["changes delivered", "\(status.changesDelivered)"],
                ["changes per call", status.changesPerCall.map(SyncStatus.twoDecimals) ?? "-"],
                ["dead letters", "\(status.deadLetters) waiting (\(status.changesDeadLettered) changes dead-lettered in all)"],
                ["throttled (429)", "\(status.throttledResponses)"],
                ["pace", status.pace.map { "\(SyncStatus.twoDecimals($0)) changes/s" } ?? "-"],
                ["eta", status.eta.map { "\($0) s" } ?? "unknown"],
                ["last failure", status.lastFailureAt.map { "\($0.rfc3339): \(status.lastFailure ?? "")" } ?? "none"],
            ] + Self.pullRows(status)))
        }

        /// The consent pull's rows: schedule and share, the pull in progress, the last, the next.
        private static func pullRows(_ status: SyncStatus) -> [[String]] {
            let pull = status.pull
            guard let schedule = pull.schedule, let interval = schedule.intervalSeconds, status.exporter?.upstream != nil else { return [["consent pull", "off"]] }
            let current = pull.cursor.map { cursor in
                "listing \(cursor.filter + 1) of \(schedule.filterCount), page \(cursor.page): \(pull.contactsChanged) contacts changed, \(pull.calls) calls"
                    + (pull.startedAt.map { " (started \($0.rfc3339))" } ?? "")
            }
            let last = pull.lastFinishedAt.map { "finished \($0.rfc3339): \(pull.lastContactsChanged) contacts changed, \(pull.lastCalls) calls" }
            let next = status.nextPullAt.map { $0 <= status.at ? "now" : $0.rfc3339 } ?? "off"
            return [
                ["consent pull", "every \(interval) s, at most \(schedule.callsPerDay) calls a day (\(pull.shareCallsUsed(at: status.at)) used)"],
                ["pull in progress", current ?? "none"],
                ["last pull", last ?? "never"],
                ["next pull", pull.waitsForShare(at: status.at) ? "\(next) (the pull's share of the day budget is used up)" : next],
            ]
        }

        /// Whether the exporter runs: only while a server serves the data directory, as that
        /// server recorded at start.
        private static func exporter(_ mode: ExporterMode?, server: Int32?) -> String {
            guard let server else { return "not running: no server is serving this data directory" }
            return switch mode {
            case .on(let upstream)?: "running in process \(server), to \(upstream)"
            case .off?: "off: the server (process \(server)) has no upstream credentials"
            case nil: "unknown: the server (process \(server)) is starting"
            }
        }
    }

    struct DeadLetters: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dead-letters",
            abstract: "Changes the upstream refused: list them, retry them after a fix, or drop them.",
            subcommands: [List.self, Retry.self, Drop.self]
        )
    }
}

extension SyncCommand.DeadLetters {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List dead letters with the upstream's answer.")

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let store = try await store.openStore()
            let letters = try store.outbox.deadLetters()
            await store.close()
            print(Table.render(
                header: ["ID", "ENTITY", "CHANGES", "FIELDS", "REQUEST", "STATUS", "AT", "ANSWER"],
                rows: letters.map { letter in
                    ["\(letter.id)", letter.entity.label, "\(letter.changeCount)", letter.contactFields.names, letter.rejection.request,
                     "\(letter.rejection.status)", letter.at.rfc3339, letter.rejection.body.replacing("\n", with: " ")]
                }
            ))
        }
    }

    struct Retry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Put a dead letter back in the log: the entity's current values are sent again.")

        @OptionGroup var store: StoreOptions

        @Argument(help: "The dead letter's id.")
        var id: UInt64

        func run() async throws {
            let store = try await store.openStore()
            let letter = try await store.outbox.retryDeadLetter(id: id)
            await store.close()
            guard let letter else { throw ValidationError("no dead letter \(id)") }
            print("Dead letter \(letter.id) (\(letter.entity.label)) is back in the sync backlog.")
        }
    }

    struct Drop: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a dead letter: its changes are not sent.")

        @OptionGroup var store: StoreOptions

        @Argument(help: "The dead letter's id.")
        var id: UInt64

        func run() async throws {
            let store = try await store.openStore()
            let letter = try await store.outbox.dropDeadLetter(id: id)
            await store.close()
            guard let letter else { throw ValidationError("no dead letter \(id)") }
            print("Dropped dead letter \(letter.id) (\(letter.entity.label)).")
        }
    }
}

extension Change.Entity {
    /// `contact cus_…` or `order 1234`.
    fileprivate var label: String {
        switch self {
        case .contact(let id): "contact \(id.rawValue)"
        case .order(let id): "order \(id)"
        }
    }
}

extension ContactFields {
    /// The wire names of the fields, comma-separated, or `-`.
    fileprivate var names: String {
        let named: [(String, ContactFields)] = [
            ("first_name", .firstName), ("last_name", .lastName), ("email", .email), ("phone_number", .phoneNumber), ("tags", .tags),
            ("custom_fields", .customFields), ("email_consent", .emailConsent), ("sms_consent", .smsConsent), ("deleted", .deleted),
        ]
        let present = named.filter { contains($0.1) }.map(\.0)
        return present.isEmpty ? "-" : present.joined(separator: ",")
    }
}
