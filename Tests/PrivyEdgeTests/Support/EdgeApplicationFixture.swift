import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import PrivyEdgeApp
import PrivyStore
import Testing

/// privy-edge built by `buildApplication(settings:)` for one test, on a fresh data directory,
/// with a token that reads and writes contacts.
enum EdgeApplicationFixture {
    /// Quiet: only warnings and errors.
    static let logger: Logger = {
        var logger = Logger(label: "privy-edge-test")
        logger.logLevel = .warning
        return logger
    }()

    /// The flags every test gives: the data directory, and free ports for both listeners.
    static func baseFlags(directory: String) -> SettingFlags {
        var flags = SettingFlags()
        flags[Settings.dataDirectory] = directory
        flags[Settings.port] = 0
        flags[Settings.adminPort] = .number(0)
        return flags
    }

    /// Resolves the settings (``baseFlags(directory:)``, then `flags`, then `environment`, then the
    /// config file), builds the application, runs `body`, then closes the store if `body` left
    /// it open and removes the directory.
    static func run(
        flags configure: (inout SettingFlags) -> Void = { _ in },
        config: String = "/dev/null",
        environment: [String: String] = [:],
        _ body: (EdgeApplication, String) async throws -> Void
    ) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("privy-edge-app-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var flags = baseFlags(directory: directory)
        configure(&flags)
        var resolver = SettingsResolver(flags: flags, sources: try SettingSources(configFlag: config, environment: environment))
        let app = try await buildApplication(settings: try ServeSettings(resolving: &resolver), logger: logger)
        do {
            let token = try await app.store.credentials.mintToken(scopes: [.contactsRead, .contactsWrite], name: "app-test", expiresAt: nil).token
            try await body(app, token)
        } catch {
            if app.store.isOpen { await app.store.close() }
            throw error
        }
        if app.store.isOpen { await app.store.close() }
    }
}

extension EdgeApplication {
    /// What the admin listener's `/metrics` answers now.
    func exposition() async throws -> Exposition {
        let admin = try #require(admin, "the admin listener is off")
        return try await admin.test(.router) { client in
            try await client.execute(uri: "/metrics", method: .get) { Exposition(text: String(buffer: $0.body)) }
        }
    }
}
