import ArgumentParser
import PrivyDomain
import PrivyStore

/// `privy-edge clients create|list|revoke`: OAuth clients for the client-credentials grant.
struct ClientsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clients",
        abstract: "Create, list and revoke OAuth clients (POST /oauth/token).",
        subcommands: [Create.self, List.self, Revoke.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a client; its secret is printed once.")

        @OptionGroup var store: StoreOptions

        @Option(help: "Comma-separated scopes the client may ask for.")
        var scopes: String

        @Option(help: "A label for people.")
        var name: String?

        func run() async throws {
            guard let scopes = Scopes(parsing: scopes) else {
                throw ValidationError("--scopes must list known scopes: \(Scopes.named.map(\.name).joined(separator: ", "))")
            }
            let store = try await store.openStore()
            let created = try await store.credentials.createClient(scopes: scopes, name: name)
            await store.close()
            print("Created OAuth client with scopes \(scopes.names.joined(separator: ",")). The secret is shown only once:")
            print("client_id: \(created.client.id)")
            print("client_secret: \(created.secret)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List clients (never their secrets).")

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let store = try await store.openStore()
            let clients = try store.credentials.clients()
            await store.close()
            print(Table.render(
                header: ["ID", "NAME", "SCOPES", "CREATED", "STATUS"],
                rows: clients.map { client in
                    [client.id, client.name ?? "-", client.scopes.names.joined(separator: ","), client.createdAt.rfc3339,
                     client.revokedAt == nil ? "active" : "revoked"]
                }
            ))
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a client: it can obtain no more tokens.")

        @OptionGroup var store: StoreOptions

        @Argument(help: "The client's id (cli_…).")
        var id: String

        func run() async throws {
            let store = try await store.openStore()
            let revoked = try await store.credentials.revokeClient(id: id)
            await store.close()
            guard let revoked else { throw ValidationError("no client \(id)") }
            print("Revoked \(revoked.id).")
        }
    }
}
