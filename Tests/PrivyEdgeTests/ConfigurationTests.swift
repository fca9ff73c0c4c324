import Foundation
import Testing

/// The configuration layer through the real binary: `privy-edge config check` prints every
/// setting with its value and origin; flags beat `PRIVY_EDGE_*` variables, which beat the
/// config file, which beats the defaults; secrets are masked; a bad file stops every command.
@Suite("Configuration")
struct ConfigurationTests {
    /// A config file with `text` in a fresh temporary directory.
    private final class ConfigFixture {
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
    }

    /// One line of `config check`: the value and where it came from.
    private struct Line: Equatable {
        let value: String
        let origin: String
    }

    /// Runs `config check` with exactly `environment` and returns its lines by key.
    private func check(_ arguments: [String], environment: [String: String] = [:]) throws -> [String: Line] {
        let (status, output) = try EdgeBinary.run(["config", "check"] + arguments, environment: environment)
        #expect(status == 0, "config check failed: \(output)")
        var lines: [String: Line] = [:]
        for line in output.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: " ").map(String.init)
            guard fields.count >= 3 else { continue }
            lines[fields[0]] = Line(value: fields[1], origin: fields[2...].joined(separator: " "))
        }
        return lines
    }

    @Test("a flag beats the environment, which beats the file, which beats the default")
    func precedence() throws {
        let file = try ConfigFixture("""
            # every layer sets port; all but the flag set host; file and default only for the rest
            port = 1111
            host = "10.0.0.1"
            max_body_size = 2048
            log_format = "json"
            rate_limit = ["60/60s", "10000/1d"]
            """)
        let lines = try check(
            ["--config", file.path, "--port", "3333"],
            environment: ["PRIVY_EDGE_PORT": "2222", "PRIVY_EDGE_HOST": "10.0.0.2", "PRIVY_EDGE_LOG_LEVEL": "debug"]
        )
        #expect(lines["port"] == Line(value: "3333", origin: "flag --port"))
        #expect(lines["host"] == Line(value: "10.0.0.2", origin: "env PRIVY_EDGE_HOST"))
        #expect(lines["log_level"] == Line(value: "debug", origin: "env PRIVY_EDGE_LOG_LEVEL"))
        #expect(lines["max_body_size"] == Line(value: "2048", origin: "file \(file.path):4"))
        #expect(lines["log_format"] == Line(value: "json", origin: "file \(file.path):5"))
        #expect(lines["rate_limit"] == Line(value: "60/60s,10000/86400s", origin: "file \(file.path):6"))
        #expect(lines["durability"] == Line(value: "durable", origin: "default"))
        #expect(lines["upstream_token"] == Line(value: "none", origin: "default"))
        #expect(lines["sync_backoff_cap"] == Line(value: "1m", origin: "default"))
    }

    @Test("config check masks the upstream token and the client secret, wherever they come from")
    func masking() throws {
        let token = "privy_" + String(repeating: "ab", count: 20)
        let fromEnvironment = try EdgeBinary.run(["config", "check", "--config", "/dev/null"], environment: ["PRIVY_EDGE_UPSTREAM_TOKEN": token])
        #expect(fromEnvironment.status == 0 && !fromEnvironment.output.contains(token))
        #expect(try check(["--config", "/dev/null"], environment: ["PRIVY_EDGE_UPSTREAM_TOKEN": token])["upstream_token"]
            == Line(value: "********", origin: "env PRIVY_EDGE_UPSTREAM_TOKEN"))

        let file = try ConfigFixture("upstream_client_secret = \"very-secret-value\"\n")
        let fromFile = try EdgeBinary.run(["config", "check", "--config", file.path, "--upstream-client-id", "client-1"], environment: [:])
        #expect(fromFile.status == 0 && !fromFile.output.contains("very-secret-value"))
        let lines = try check(["--config", file.path, "--upstream-client-id", "client-1"])
        #expect(lines["upstream_client_secret"] == Line(value: "********", origin: "file \(file.path):1"))
        #expect(lines["upstream_client_id"] == Line(value: "client-1", origin: "flag --upstream-client-id"))
    }

    @Test("unknown keys and wrong types are refused with the file, the key and the line, by every command")
    func badFile() throws {
        let file = try ConfigFixture("""
            host = "0.0.0.0"
            prot = 8080
            port = "8080"
            durability = "fast"
            upstream_token = 987654321
            """)
        for command in [["config", "check"], ["tokens", "list"], ["serve"]] {
            let (status, output) = try EdgeBinary.run(command + ["--config", file.path], environment: [:])
            #expect(status != 0)
            #expect(output.contains("config file \(file.path) is invalid"))
            #expect(output.contains("line 2: unknown key \"prot\""))
            #expect(output.contains("line 3: port must be an integer from 0 to 65535, not \"8080\""))
            #expect(output.contains("line 4: durability must be one of durable, relaxed, not \"fast\""))
            #expect(output.contains("line 5: upstream_token must be a string") && !output.contains("987654321"))
        }
    }

    @Test("a TOML syntax error names the line; a file named by --config or PRIVY_EDGE_CONFIG must exist")
    func unreadableFiles() throws {
        let file = try ConfigFixture("port = 8080\nhost = \n")
        let syntax = try EdgeBinary.run(["config", "check", "--config", file.path], environment: [:])
        #expect(syntax.status != 0 && syntax.output.contains("config file \(file.path), line 2"))

        let missing = file.directory + "/absent.toml"
        let explicit = try EdgeBinary.run(["config", "check", "--config", missing], environment: [:])
        #expect(explicit.status != 0 && explicit.output.contains("config file \(missing): No such file or directory"))
        let named = try EdgeBinary.run(["config", "check"], environment: ["PRIVY_EDGE_CONFIG": missing])
        #expect(named.status != 0 && named.output.contains(missing))
    }

    @Test("bad values in flags and environment variables, and half-given credentials, are refused")
    func badValues() throws {
        let variable = try EdgeBinary.run(["config", "check", "--config", "/dev/null"], environment: ["PRIVY_EDGE_PORT": "http"])
        #expect(variable.status != 0 && variable.output.contains("environment variable PRIVY_EDGE_PORT: port must be an integer from 0 to 65535, not \"http\""))
        let flag = try EdgeBinary.run(["config", "check", "--config", "/dev/null", "--port", "70000"], environment: [:])
        #expect(flag.status != 0 && flag.output.contains("--port: port must be an integer from 0 to 65535, not 70000"))
        let limits = try EdgeBinary.run(["config", "check", "--config", "/dev/null"], environment: ["PRIVY_EDGE_RATE_LIMIT": "1/1s,2/1m,3/1d"])
        #expect(limits.status != 0 && limits.output.contains("rate_limit must be at most two windows"))
        let half = try EdgeBinary.run(["config", "check", "--config", "/dev/null", "--upstream-client-id", "c"], environment: [:])
        #expect(half.status != 0 && half.output.contains("upstream_client_id and upstream_client_secret go together"))
    }

    @Test("every command reads the data directory from the config file; an empty string is unset")
    func dataDirectoryFromFile() throws {
        let file = try ConfigFixture("")
        let dataDirectory = file.directory + "/data"
        try "data_dir = \"\(dataDirectory)\"\nupstream = \"\"\n".write(toFile: file.path, atomically: true, encoding: .utf8)
        let created = try EdgeBinary.run(["tokens", "create", "--config", file.path, "--scopes", "contacts_read"], environment: [:])
        #expect(created.status == 0)
        #expect(FileManager.default.fileExists(atPath: dataDirectory + "/data.mdb"))
        let lines = try check([], environment: ["PRIVY_EDGE_CONFIG": file.path])
        #expect(lines["data_dir"] == Line(value: dataDirectory, origin: "file \(file.path):1"))
        #expect(lines["upstream"] == Line(value: "https://api.privy.com/v1", origin: "default"))
    }
}
