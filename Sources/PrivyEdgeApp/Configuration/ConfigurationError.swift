/// A configuration the process refuses to start with: an unreadable or invalid config file, or a
/// flag or environment variable with a bad value. Its message is printed as is.
public struct ConfigurationError: Error, CustomStringConvertible {
    public let description: String

    /// Creates an error with the message the operator sees.
    public init(_ description: String) {
        self.description = description
    }
}
