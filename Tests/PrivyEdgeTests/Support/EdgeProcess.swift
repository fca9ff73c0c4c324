import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization

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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
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

/// A `privy-edge serve` child process on a loopback port; its output is collected all along
/// (so it never blocks on a full pipe) and can be read with ``log``.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    let port: Int
    private let output = Pipe()
    private let collected = CollectedOutput()

    /// Starts the server and waits until it says where it listens.
    /// - Parameters:
    ///   - port: the port to listen on; 0 picks a free one.
    init(dataDirectory: String, port: Int = 0, extraArguments: [String] = []) throws {
        process.executableURL = URL(fileURLWithPath: EdgeBinary.path)
        process.arguments = ["serve", "--data-dir", dataDirectory, "--port", String(port)] + extraArguments
        process.standardOutput = output
        process.standardError = output
        try process.run()
        var seen = ""
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
            if let range = seen.range(of: #"listening on http://127\.0\.0\.1:(\d+)"#, options: .regularExpression) {
                let address = seen[range]
                self.port = Int(address.split(separator: ":").last!)!
                collected.append(seen)
                let handle = output.fileHandleForReading
                Thread.detachNewThread { [collected] in
                    while true {
                        let chunk = handle.availableData
                        if chunk.isEmpty { return }
                        collected.append(String(decoding: chunk, as: UTF8.self))
                    }
                }
                return
            }
        }
        process.terminate()
        throw FixtureError("server did not start: \(seen)")
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Everything the server printed so far.
    var log: String {
        collected.text
    }

    /// Sends `signal` and waits for the process to end. - Returns: its termination status.
    @discardableResult
    func stop(with signal: Int32) -> Int32 {
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

/// A child's output, appended by a reader thread and read by tests.
private final class CollectedOutput: Sendable {
    private let buffer = Mutex("")

    func append(_ text: String) {
        buffer.withLock { $0 += text }
    }

    var text: String {
        buffer.withLock { $0 }
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
