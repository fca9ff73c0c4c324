/// A configuration the process refuses to start with: an unreadable or invalid config file, or a
/// flag or environment variable with a bad value. Its message is printed as is.
struct ConfigurationError: Error, CustomStringConvertible {
    let description: String

    /// Creates an error with the message the operator sees.
    init(_ description: String) {
        self.description = description
    }
}
