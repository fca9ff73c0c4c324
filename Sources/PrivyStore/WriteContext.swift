public import PrivyDomain

/// Who is writing and from where: stamped on audit events and change records.
public struct WriteContext: Sendable {
    /// Which write path this is.
    public var source: ConsentSource
    /// The HTTP request id, if any.
    public var requestID: String?
    /// The token id of the caller, if any.
    public var tokenID: String?
    /// The caller's IP address, if known.
    public var clientIP: String?
    /// The time of the write, read once per request.
    public var now: Timestamp

    /// Creates a context.
    /// - Parameters:
    ///   - source: the write path.
    ///   - requestID: the HTTP request id.
    ///   - tokenID: the caller's token id.
    ///   - clientIP: the caller's address.
    ///   - now: the time of the write (default: now).
    public init(source: ConsentSource, requestID: String? = nil, tokenID: String? = nil, clientIP: String? = nil, now: Timestamp = .now()) {
        self.source = source
        self.requestID = requestID
        self.tokenID = tokenID
        self.clientIP = clientIP
        self.now = now
    }
}
