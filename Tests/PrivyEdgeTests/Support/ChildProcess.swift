import Dispatch
import Foundation
import Synchronization

/// A program run as a child process, with every wait bounded.
///
/// Its combined standard output and error are collected by a reader thread from the start, so
/// the child never blocks on a full pipe. Its exit is signalled by Foundation's termination
/// handler, registered before it starts. `Process.waitUntilExit()` is never used: it polls the
/// calling thread's run loop, and called from Swift concurrency's threads after a few hundred
/// children it can miss an exit and wait forever (a whole CI run hung that way, in a test that
/// passes alone).
final class ChildProcess: @unchecked Sendable {
    /// The process; read-only once started.
    let process = Process()
    private let collected = Mutex("")
    private let exited = DispatchGroup()
    private let outputClosed = DispatchGroup()

    /// Starts `executable`.
    /// - Parameters:
    ///   - arguments: its arguments.
    ///   - environment: its whole environment; `nil` inherits this process's.
    ///   - input: written to its standard input, which is then closed; `nil` gives it an empty one.
    init(executable: String, _ arguments: [String], environment: [String: String]? = nil, input: Data? = nil) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        let standardInput = input.map { _ in Pipe() }
        process.standardInput = standardInput ?? FileHandle.nullDevice
        exited.enter()
        process.terminationHandler = { [exited] _ in exited.leave() }
        try process.run()
        outputClosed.enter()
        let handle = output.fileHandleForReading
        Thread.detachNewThread { [self] in
            while case let chunk = handle.availableData, !chunk.isEmpty {
                collected.withLock { $0 += String(decoding: chunk, as: UTF8.self) }
            }
            outputClosed.leave()
        }
        if let standardInput, let input {
            standardInput.fileHandleForWriting.write(input)
            try standardInput.fileHandleForWriting.close()
        }
    }

    /// Everything the child printed so far.
    var output: String {
        collected.withLock { $0 }
    }

    var processIdentifier: Int32 { process.processIdentifier }

    var isRunning: Bool { process.isRunning }

    /// Waits for the child to exit.
    /// - Returns: its termination status, or `nil` if it was still running after `timeout`.
    func waitForExit(timeout: Duration) -> Int32? {
        guard exited.wait(timeout: .now() + timeout.timeInterval) == .success else { return nil }
        return process.terminationStatus
    }

    /// Waits for the child to exit and for the last of its output.
    /// - Parameter timeout: how long it may run; after that it is killed and this throws.
    /// - Returns: its exit status and everything it printed.
    func finish(timeout: Duration = .seconds(300)) throws -> (status: Int32, output: String) {
        guard let status = waitForExit(timeout: timeout) else {
            kill(processIdentifier, SIGKILL)
            throw FixtureError("\(process.arguments ?? []) still ran after \(timeout); killed. It printed: \(output)")
        }
        _ = outputClosed.wait(timeout: .now() + 10)
        return (status, output)
    }
}

extension Duration {
    /// The duration in seconds, for Dispatch's deadlines.
    var timeInterval: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
