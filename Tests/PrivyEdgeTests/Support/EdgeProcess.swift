import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Testing

/// The real `privy-edge` binary, run as a child process.
enum EdgeBinary {
    /// The binary built next to the test bundle (or `PRIVY_EDGE_BINARY`).
    static var path: String {
        if let override = ProcessInfo.processInfo.environment["PRIVY_EDGE_BINARY"] { return override }
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return bundle.appendingPathComponent("privy-edge").path
    }

    /// Runs a command to completion.
    /// - Parameters:
    ///   - environment: the child's whole environment; `nil` inherits this process's.
    /// - Returns: exit status and combined output.
    static func run(_ arguments: [String], environment: [String: String]? = nil) throws -> (status: Int32, output: String) {
        let result = try Shell.run(executable: path, arguments, environment: environment)
        return (result.status, result.output)
    }

    /// Mints a token with the CLI and returns the last line of its output.
    static func mintToken(dataDirectory: String, scopes: String) throws -> String {
        let (status, output) = try run(["tokens", "create", "--data-dir", dataDirectory, "--scopes", scopes])
        guard status == 0, let token = output.split(separator: "\n").last.map(String.init) else {
            throw FixtureError("tokens create failed: \(output)")
        }
        return token
    }
}

/// A `privy-edge serve` child process on a loopback port; its output can be read with ``log``.
final class ServerProcess: Sendable {
    let process: ChildProcess
    let port: Int
    /// The admin listener's port (status page, metrics, health).
    let adminPort: Int
    /// `https` when the server listens with TLS, else `http`.
    let scheme: String

    /// Starts the server and waits until it says where both its listeners are.
    /// - Parameters:
    ///   - port: the port to listen on; 0 picks a free one. The admin listener always gets a
    ///     free one, so servers never contend for its default port.
    init(dataDirectory: String, port: Int = 0, extraArguments: [String] = []) throws {
        process = try ChildProcess(executable: EdgeBinary.path, ["serve", "--data-dir", dataDirectory, "--port", String(port), "--admin-port", "0"] + extraArguments)
        let deadline = ContinuousClock.now + .seconds(30)
        while process.isRunning, ContinuousClock.now < deadline {
            let seen = process.output
            if let port = Self.port(after: "listening on", in: seen), let adminPort = Self.port(after: "admin on", in: seen) {
                self.port = port
                self.adminPort = adminPort
                self.scheme = seen.contains("listening on https://") ? "https" : "http"
                return
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        kill(process.processIdentifier, SIGKILL)
        throw FixtureError("server did not start: \(process.output)")
    }

    /// The API's base URL on loopback: `https://` when the server listens with TLS.
    var baseURL: String { "\(scheme)://127.0.0.1:\(port)" }

    /// The admin listener's base URL.
    var adminURL: String { "http://127.0.0.1:\(adminPort)" }

    /// The port in the first `<prefix> http://<address>:<port>` (or `https://`) of `log`.
    private static func port(after prefix: String, in log: String) -> Int? {
        guard let range = log.range(of: prefix + #" https?://[0-9.]+:\d+"#, options: .regularExpression) else { return nil }
        return Int(log[range].split(separator: ":").last!)
    }

    /// Everything the server printed so far.
    var log: String {
        process.output
    }

    /// Waits up to `seconds` for `text` to appear in the server's output.
    func waitForLog(_ text: String, within seconds: Int = 10) async throws {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while !log.contains(text) {
            guard ContinuousClock.now < deadline else { throw FixtureError("the server never logged \"\(text)\": \(log)") }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Sends `signal` and waits for the process to end; one that is still running 30 s later is
    /// a failure of the test, and is killed.
    /// - Returns: its termination status.
    @discardableResult
    func stop(with signal: Int32) -> Int32 {
        kill(process.processIdentifier, signal)
        if let status = process.waitForExit(timeout: .seconds(30)) { return status }
        Issue.record("privy-edge (pid \(process.processIdentifier)) still ran 30 s after signal \(signal); killed. Its log:\n\(log)")
        kill(process.processIdentifier, SIGKILL)
        return process.waitForExit(timeout: .seconds(30)) ?? SIGKILL
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

extension HTTPClient {
    /// POSTs a JSON body with a bearer token. - Returns: the status code.
    func postJSON(_ url: String, token: String, body: String) async throws -> UInt {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: body))
        let response = try await execute(request, timeout: .seconds(10))
        _ = try await response.body.collect(upTo: 1 << 20)
        return response.status.code
    }

    /// GETs a URL with a bearer token. - Returns: the status code.
    func get(_ url: String, token: String) async throws -> UInt {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        let response = try await execute(request, timeout: .seconds(10))
        _ = try await response.body.collect(upTo: 1 << 20)
        return response.status.code
    }
}
