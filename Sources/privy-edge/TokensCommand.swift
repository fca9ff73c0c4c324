import ArgumentParser
import PrivyDomain
import PrivyStore

/// `privy-edge tokens create|list|revoke`: API tokens for integrations.
struct TokensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "Mint, list and revoke API tokens.",
        subcommands: [Create.self, List.self, Revoke.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mint a token; it is printed once, alone on the last line.")

        @OptionGroup var store: StoreOptions

        @Option(help: "Comma-separated scopes: contacts_read, contacts_write, orders_write, admin.")
        var scopes: String

        @Option(help: "A label for people.")
        var name: String?

        @Option(name: .customLong("expires-in"), help: "Lifetime such as 90d, 12h, 30m or 3600s; default never.")
        var expiresIn: String?

        func run() async throws {
            guard let scopes = Scopes(parsing: scopes) else {
                throw ValidationError("--scopes must list known scopes: \(Scopes.named.map(\.name).joined(separator: ", "))")
            }
            let now = Timestamp.now()
            let expiry = try expiresIn.map { text -> Timestamp in
                guard let seconds = Lifetime.seconds(in: text) else {
                    throw ValidationError("--expires-in must look like 90d, 12h, 30m or 3600s")
                }
                return Timestamp(microsecondsSinceEpoch: now.microsecondsSinceEpoch + seconds * 1_000_000)
            }
            let store = try await store.openStore()
            let minted = try await store.credentials.mintToken(scopes: scopes, name: name, expiresAt: expiry, now: now)
            await store.close()
            print("Minted \(minted.record.id) with scopes \(scopes.names.joined(separator: ","))\(expiry.map { ", expires \($0.rfc3339)" } ?? ""). It is shown only once:")
            print(minted.token)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tokens (never their secrets).")

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let store = try await store.openStore()
            let tokens = try store.credentials.tokens()
            await store.close()
            let now = Timestamp.now()
            print(Table.render(
                header: ["ID", "NAME", "SCOPES", "CREATED", "EXPIRES", "STATUS"],
                rows: tokens.map { token in
                    [token.id, token.name ?? "-", token.scopes.names.joined(separator: ","), token.createdAt.rfc3339,
                     token.expiresAt?.rfc3339 ?? "never", token.status(at: now).rawValue]
                }
            ))
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token at once, also for a running server.")

        @OptionGroup var store: StoreOptions

        @Argument(help: "The token's id (tok_…).")
        var id: String

        func run() async throws {
            let store = try await store.openStore()
            let revoked = try await store.credentials.revokeToken(id: id)
            await store.close()
            guard let revoked else { throw ValidationError("no token \(id)") }
            print("Revoked \(revoked.id).")
        }
    }
}

/// Parses lifetimes like `90d`, `12h`, `30m`, `3600s`.
enum Lifetime {
    static func seconds(in text: String) -> Int64? {
        guard let unit = text.last, let count = Int64(text.dropLast()), count > 0 else { return nil }
        let multiplier: Int64? = switch unit {
        case "s": 1
        case "m": 60
        case "h": 3600
        case "d": 86_400
        default: nil
        }
        guard let multiplier else { return nil }
        let (seconds, overflow) = count.multipliedReportingOverflow(by: multiplier)
        return overflow ? nil : seconds
    }
}

/// Renders rows as a left-aligned text table.
enum Table {
    static func render(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
