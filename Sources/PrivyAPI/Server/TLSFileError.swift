/// A TLS certificate or key file that cannot serve: the message names the file and what is wrong.
public struct TLSFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file at fault.
    public var path: String
    /// What is wrong with it, for example `cannot be read: No such file or directory`.
    public var problem: String

    /// Creates the error.
    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    public var description: String {
        "\(path) \(problem)"
    }
}
