import Foundation

/// Runs a program to completion and collects what it printed.
enum Shell {
    /// The exit status and the combined standard output and error of a finished program.
    struct Result {
        let status: Int32
        let output: String

        /// Throws unless the program exited 0.
        @discardableResult
        func check() throws -> Result {
            guard status == 0 else { throw FixtureError("exit status \(status): \(output)") }
            return self
        }
    }

    /// Runs `arguments[0]` (found on the `PATH`) with the rest as its arguments.
    static func run(_ arguments: [String]) throws -> Result {
        try run(executable: "/usr/bin/env", arguments)
    }

    /// Runs `executable`.
    /// - Parameters:
    ///   - environment: the child's whole environment; `nil` inherits this process's.
    static func run(executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> Result {
        let (status, output) = try ChildProcess(executable: executable, arguments, environment: environment).finish()
        return Result(status: status, output: output)
    }
}
