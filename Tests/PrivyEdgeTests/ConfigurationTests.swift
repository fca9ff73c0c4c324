import Foundation
import PrivyAPI
import PrivyEdgeApp
import Testing

/// The configuration layer in process, through PrivyEdgeApp's resolver: flags beat
/// `PRIVY_EDGE_*` variables, which beat the config file, which beats the defaults; secrets are
/// masked; a bad file, flag or variable is refused with a message that names it.
@Suite("Configuration")
struct ConfigurationTests {
    /// Resolves `serve`'s settings as `config check` does, with `flags`, exactly `environment`
    /// and the config file `config`, and returns the report.
    private func report(_ flags: SettingFlags = SettingFlags(), config: String?, environment: [String: String] = [:]) throws -> ConfigurationReport {
        var resolver = SettingsResolver(flags: flags, sources: try SettingSources(configFlag: config, environment: environment))
        _ = try ServeSettings(resolving: &resolver)
        return resolver.report
    }

    /// The report's settings by key: the value and where it came from.
    private func settingLines(_ flags: SettingFlags = SettingFlags(), config: String?, environment: [String: String] = [:]) throws -> [String: ConfigLine] {
        ConfigLine.byKey(try report(flags, config: config, environment: environment).settings.map { ($0.name, $0.text, $0.origin.description) })
    }

    /// The message of the ``ConfigurationError`` `body` throws, or `nil` (a failed expectation) if it throws none.
    private func refusal(_ body: () throws -> Void) -> String? {
        #expect(throws: ConfigurationError.self) { try body() }?.description
    }

    @Test("a flag beats the environment, which beats the file, which beats the default")
    func precedence() throws {
        let file = try ConfigFixture(ConfigFixture.layered)
        var flags = SettingFlags()
        flags[Settings.port] = 3333
        let lines = try settingLines(
            flags, config: file.path,
            environment: ["PRIVY_EDGE_PORT": "2222", "PRIVY_EDGE_HOST": "10.0.0.2", "PRIVY_EDGE_LOG_LEVEL": "debug"]
        )
        #expect(lines["port"] == ConfigLine(value: "3333", origin: "flag --port"))
        #expect(lines["host"] == ConfigLine(value: "10.0.0.2", origin: "env PRIVY_EDGE_HOST"))
        #expect(lines["log_level"] == ConfigLine(value: "debug", origin: "env PRIVY_EDGE_LOG_LEVEL"))
        #expect(lines["max_body_size"] == ConfigLine(value: "2048", origin: "file \(file.path):4"))
        #expect(lines["log_format"] == ConfigLine(value: "json", origin: "file \(file.path):5"))
        #expect(lines["rate_limit"] == ConfigLine(value: "60/60s,10000/86400s", origin: "file \(file.path):6"))
        #expect(lines["durability"] == ConfigLine(value: "durable", origin: "default"))
        #expect(lines["upstream_token"] == ConfigLine(value: "none", origin: "default"))
        #expect(lines["sync_backoff_cap"] == ConfigLine(value: "1m", origin: "default"))
    }

    @Test("the resolved settings carry the winning values")
    func resolvedValues() throws {
        let file = try ConfigFixture(ConfigFixture.layered)
        var flags = SettingFlags()
        flags[Settings.port] = 3333
        var resolver = SettingsResolver(flags: flags, sources: try SettingSources(configFlag: file.path, environment: ["PRIVY_EDGE_HOST": "10.0.0.2"]))
        let settings = try ServeSettings(resolving: &resolver)
        #expect(settings.http.port == 3333 && settings.http.host == "10.0.0.2" && settings.http.maxBodySize == 2048)
        #expect(settings.http.rateLimits.map(\.description) == ["60/60s", "10000/86400s"])
        #expect(settings.log.format == .json && settings.exporter == nil)
    }

    @Test("the upstream token and the client secret are masked, wherever they come from")
    func masking() throws {
        let token = "privy_" + String(repeating: "ab", count: 20)
        let fromEnvironment = try report(config: "/dev/null", environment: ["PRIVY_EDGE_UPSTREAM_TOKEN": token])
        #expect(!fromEnvironment.text.contains(token))
        #expect(try settingLines(config: "/dev/null", environment: ["PRIVY_EDGE_UPSTREAM_TOKEN": token])["upstream_token"]
            == ConfigLine(value: "********", origin: "env PRIVY_EDGE_UPSTREAM_TOKEN"))

        let file = try ConfigFixture("upstream_client_secret = \"very-secret-value\"\n")
        var flags = SettingFlags()
        flags[Settings.upstreamClientID] = "client-1"
        #expect(try !report(flags, config: file.path).text.contains("very-secret-value"))
        let lines = try settingLines(flags, config: file.path)
        #expect(lines["upstream_client_secret"] == ConfigLine(value: "********", origin: "file \(file.path):1"))
        #expect(lines["upstream_client_id"] == ConfigLine(value: "client-1", origin: "flag --upstream-client-id"))
    }

    @Test("unknown keys and wrong types are refused with the file, the key and the line")
    func badFile() throws {
        let file = try ConfigFixture(ConfigFixture.invalid)
        let message = try #require(refusal { _ = try SettingSources(configFlag: file.path, environment: [:]) })
        ConfigFixture.expectInvalid(message, path: file.path)
    }

    @Test("a TOML syntax error names the line; a file named by --config or PRIVY_EDGE_CONFIG must exist")
    func unreadableFiles() throws {
        let file = try ConfigFixture("port = 8080\nhost = \n")
        #expect(refusal { _ = try SettingSources(configFlag: file.path, environment: [:]) }?.contains("config file \(file.path), line 2") == true)

        let missing = file.directory + "/absent.toml"
        let explicit = refusal { _ = try SettingSources(configFlag: missing, environment: [:]) }
        #expect(explicit?.contains("config file \(missing): No such file or directory") == true)
        let named = refusal { _ = try SettingSources(configFlag: nil, environment: ["PRIVY_EDGE_CONFIG": missing]) }
        #expect(named?.contains(missing) == true)
    }

    @Test("bad values in flags and environment variables, and half-given credentials, are refused")
    func badValues() throws {
        let variable = refusal { _ = try report(config: "/dev/null", environment: ["PRIVY_EDGE_PORT": "http"]) }
        #expect(variable?.contains("environment variable PRIVY_EDGE_PORT: port must be an integer from 0 to 65535, not \"http\"") == true)
        var port = SettingFlags()
        port[Settings.port] = 70000
        let flag = refusal { _ = try report(port, config: "/dev/null") }
        #expect(flag?.contains("--port: port must be an integer from 0 to 65535, not 70000") == true)
        let limits = refusal { _ = try report(config: "/dev/null", environment: ["PRIVY_EDGE_RATE_LIMIT": "1/1s,2/1m,3/1d"]) }
        #expect(limits?.contains("rate_limit must be at most two windows") == true)
        var clientID = SettingFlags()
        clientID[Settings.upstreamClientID] = "c"
        let half = refusal { _ = try report(clientID, config: "/dev/null") }
        #expect(half?.contains("upstream_client_id and upstream_client_secret go together") == true)
    }

    @Test("the data directory comes from the config file; an empty string is unset")
    func dataDirectoryFromFile() throws {
        let file = try ConfigFixture("")
        let dataDirectory = file.directory + "/data"
        try "data_dir = \"\(dataDirectory)\"\nupstream = \"\"\n".write(toFile: file.path, atomically: true, encoding: .utf8)
        var resolver = SettingsResolver(sources: try SettingSources(configFlag: nil, environment: ["PRIVY_EDGE_CONFIG": file.path]))
        #expect(try StoreSettings(resolving: &resolver).dataDirectory == dataDirectory)
        let lines = try settingLines(config: nil, environment: ["PRIVY_EDGE_CONFIG": file.path])
        #expect(lines["data_dir"] == ConfigLine(value: dataDirectory, origin: "file \(file.path):1"))
        #expect(lines["upstream"] == ConfigLine(value: "https://api.privy.com/v1", origin: "default"))
    }
}

/// The command line's side of the configuration, through the real binary: `config check`
/// prints every setting with its value and origin, and every command refuses a bad file and
/// reads its data directory from the file.
@Suite("Configuration, through the binary")
struct ConfigurationCommandLineTests {
    /// Runs `config check` with exactly `environment` and returns its lines by key.
    private func check(_ arguments: [String], environment: [String: String] = [:]) throws -> (output: String, lines: [String: ConfigLine]) {
        let (status, output) = try EdgeBinary.run(["config", "check"] + arguments, environment: environment)
        #expect(status == 0, "config check failed: \(output)")
        let rows = output.split(separator: "\n").dropFirst().compactMap { line -> (String, String, String)? in
            let fields = line.split(separator: " ").map(String.init)
            guard fields.count >= 3 else { return nil }
            return (fields[0], fields[1], fields[2...].joined(separator: " "))
        }
        return (output, ConfigLine.byKey(rows))
    }

    @Test("config check prints each setting's value and origin, flag over environment over file over default, secrets masked")
    func configCheck() throws {
        let file = try ConfigFixture(ConfigFixture.layered + "\nupstream_client_secret = \"very-secret-value\"\n")
        let (output, lines) = try check(
            ["--config", file.path, "--port", "3333", "--upstream-client-id", "client-1"],
            environment: ["PRIVY_EDGE_PORT": "2222", "PRIVY_EDGE_HOST": "10.0.0.2", "PRIVY_EDGE_LOG_LEVEL": "debug"]
        )
        #expect(output.hasPrefix("config file \(file.path) (from --config)\n"))
        #expect(lines["port"] == ConfigLine(value: "3333", origin: "flag --port"))
        #expect(lines["host"] == ConfigLine(value: "10.0.0.2", origin: "env PRIVY_EDGE_HOST"))
        #expect(lines["log_level"] == ConfigLine(value: "debug", origin: "env PRIVY_EDGE_LOG_LEVEL"))
        #expect(lines["max_body_size"] == ConfigLine(value: "2048", origin: "file \(file.path):4"))
        #expect(lines["rate_limit"] == ConfigLine(value: "60/60s,10000/86400s", origin: "file \(file.path):6"))
        #expect(lines["durability"] == ConfigLine(value: "durable", origin: "default"))
        #expect(lines["sync_backoff_cap"] == ConfigLine(value: "1m", origin: "default"))
        #expect(lines["upstream_client_id"] == ConfigLine(value: "client-1", origin: "flag --upstream-client-id"))
        #expect(lines["upstream_client_secret"] == ConfigLine(value: "********", origin: "file \(file.path):7"))
        #expect(!output.contains("very-secret-value"))

        let token = "privy_" + String(repeating: "ab", count: 20)
        let fromEnvironment = try EdgeBinary.run(["config", "check", "--config", "/dev/null"], environment: ["PRIVY_EDGE_UPSTREAM_TOKEN": token])
        #expect(fromEnvironment.status == 0 && !fromEnvironment.output.contains(token))
    }

    @Test("unknown keys and wrong types are refused with the file, the key and the line, by every command")
    func badFile() throws {
        let file = try ConfigFixture(ConfigFixture.invalid)
        for command in [["config", "check"], ["tokens", "list"], ["serve"]] {
            let (status, output) = try EdgeBinary.run(command + ["--config", file.path], environment: [:])
            #expect(status != 0)
            ConfigFixture.expectInvalid(output, path: file.path)
        }
    }

    @Test("bad values and a missing config file stop the command with status 1")
    func refusedConfiguration() throws {
        let variable = try EdgeBinary.run(["config", "check", "--config", "/dev/null"], environment: ["PRIVY_EDGE_PORT": "http"])
        #expect(variable.status == 1 && variable.output.contains("environment variable PRIVY_EDGE_PORT: port must be an integer from 0 to 65535, not \"http\""))
        let flag = try EdgeBinary.run(["config", "check", "--config", "/dev/null", "--port", "70000"], environment: [:])
        #expect(flag.status == 1 && flag.output.contains("--port: port must be an integer from 0 to 65535, not 70000"))
        let missing = try EdgeBinary.run(["config", "check", "--config", "/nonexistent/privy-edge.toml"], environment: [:])
        #expect(missing.status == 1 && missing.output.contains("config file /nonexistent/privy-edge.toml: No such file or directory"))
    }

    @Test("every command reads the data directory from the config file; an empty string is unset")
    func dataDirectoryFromFile() throws {
        let file = try ConfigFixture("")
        let dataDirectory = file.directory + "/data"
        try "data_dir = \"\(dataDirectory)\"\nupstream = \"\"\n".write(toFile: file.path, atomically: true, encoding: .utf8)
        let created = try EdgeBinary.run(["tokens", "create", "--config", file.path, "--scopes", "contacts_read"], environment: [:])
        #expect(created.status == 0)
        #expect(FileManager.default.fileExists(atPath: dataDirectory + "/data.mdb"))
        let lines = try check([], environment: ["PRIVY_EDGE_CONFIG": file.path]).lines
        #expect(lines["data_dir"] == ConfigLine(value: dataDirectory, origin: "file \(file.path):1"))
        #expect(lines["upstream"] == ConfigLine(value: "https://api.privy.com/v1", origin: "default"))
    }
}

/// A config file with `text` in a fresh temporary directory, removed with the fixture.
private final class ConfigFixture {
    /// Every layer sets `port`; all but the flag set `host`; the file and the default the rest.
    static let layered = """
        # every layer sets port; all but the flag set host; file and default only for the rest
        port = 1111
        host = "10.0.0.1"
        max_body_size = 2048
        log_format = "json"
        rate_limit = ["60/60s", "10000/1d"]
        """
    /// An unknown key on line 2, and wrong types on lines 3 to 5.
    static let invalid = """
        host = "0.0.0.0"
        prot = 8080
        port = "8080"
        durability = "fast"
        upstream_token = 987654321
        """

    let directory: String
    let path: String

    init(_ text: String) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("privy-edge-config-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        path = directory + "/privy-edge.toml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Expects the refusal of ``invalid`` at `path`: every bad line named, the secret never shown.
    static func expectInvalid(_ message: String, path: String) {
        #expect(message.contains("config file \(path) is invalid"))
        #expect(message.contains("line 2: unknown key \"prot\""))
        #expect(message.contains("line 3: port must be an integer from 0 to 65535, not \"8080\""))
        #expect(message.contains("line 4: durability must be one of durable, relaxed, not \"fast\""))
        #expect(message.contains("line 5: upstream_token must be a string") && !message.contains("987654321"))
    }
}

/// One setting as `config check` shows it: the value and where it came from.
private struct ConfigLine: Equatable {
    let value: String
    let origin: String

    /// `(key, value, origin)` rows by key.
    static func byKey(_ rows: [(String, String, String)]) -> [String: ConfigLine] {
        Dictionary(rows.map { ($0.0, ConfigLine(value: $0.1, origin: $0.2)) }, uniquingKeysWith: { first, _ in first })
    }
}
