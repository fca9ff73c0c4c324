import ArgumentParser
import PrivyDomain
import PrivyJSON
import PrivyStore

/// `privy-edge integrations create|list|reveal|deactivate`: Custom Integrations for order
/// attribution (`X-Privy-Integration-Token`).
struct IntegrationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "integrations",
        abstract: "Create, list, reveal and deactivate Custom Integrations.",
        subcommands: [Create.self, List.self, Reveal.self, Deactivate.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an integration; prints it as JSON with its token.")

        @OptionGroup var store: StoreOptions

        @Option(help: "The integration's name.")
        var name: String

        func run() async throws {
            let store = try await store.openStore()
            let integration = try await store.orders.createIntegration(name: name)
            await store.close()
            print(integration.json(revealingToken: true))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List integrations (tokens hidden).")

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let store = try await store.openStore()
            let integrations = try store.orders.integrations()
            await store.close()
            print(Table.render(
                header: ["ID", "NAME", "CREATED", "STATUS"],
                rows: integrations.map { [$0.id, $0.name, $0.createdAt.rfc3339, $0.isActive ? "active" : "inactive"] }
            ))
        }
    }

    struct Reveal: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print an integration as JSON with its token.")

        @OptionGroup var store: StoreOptions

        @Argument(help: "The integration's id (int_…).")
        var id: String

        func run() async throws {
            let store = try await store.openStore()
            let integration = try store.orders.integration(id: id)
            await store.close()
            guard let integration else { throw ValidationError("no integration \(id)") }
            print(integration.json(revealingToken: true))
        }
    }

    struct Deactivate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Deactivate an integration: its token stops attributing orders.")

        @OptionGroup var store: StoreOptions

        @Argument(help: "The integration's id (int_…).")
        var id: String

        func run() async throws {
            let store = try await store.openStore()
            let integration = try await store.orders.deactivateIntegration(id: id)
            await store.close()
            guard let integration else { throw ValidationError("no integration \(id)") }
            print(integration.json(revealingToken: false))
        }
    }
}

extension Integration {
    /// The integration as one line of JSON.
    func json(revealingToken: Bool) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("id"); writer.string(id)
        writer.key("name"); writer.string(name)
        if revealingToken {
            writer.key("token"); writer.string(token)
        }
        writer.key("active"); writer.bool(isActive)
        writer.key("created_at"); writer.string(createdAt.rfc3339)
        writer.endObject()
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
