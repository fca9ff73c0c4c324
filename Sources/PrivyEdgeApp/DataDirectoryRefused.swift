/// A data directory privy-edge cannot work on: its store does not open (a newer schema, a file
/// that is not a store, no permission), or another server serves it. The message says what is
/// wrong and what to do; the command line prints it as it prints a bad argument.
public struct DataDirectoryRefused: Error, CustomStringConvertible {
    public let description: String

    /// Creates the refusal with the message the operator sees.
    public init(_ description: String) {
        self.description = description
    }
}
