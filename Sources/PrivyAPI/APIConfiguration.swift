/// Settings of the HTTP front.
public struct APIConfiguration: Sendable {
    /// The largest request body accepted, in bytes; larger ones get 413.
    public var maxBodySize: Int

    /// Creates a configuration.
    /// - Parameter maxBodySize: default 1 MiB, as the contract says.
    public init(maxBodySize: Int = 1 << 20) {
        self.maxBodySize = maxBodySize
    }
}
