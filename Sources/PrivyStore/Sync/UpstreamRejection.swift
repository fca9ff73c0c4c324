/// How the upstream refused a call for good (a 4xx other than 401, 403, 408 and 429): kept
/// with the dead letter so an operator can see what to fix.
public struct UpstreamRejection: Sendable, Hashable {
    /// The longest answer body kept, in UTF-8 bytes.
    public static let maximumBodyLength = 4_096

    /// The call, e.g. `PATCH /contacts/cus_…` (relative to the upstream base URL).
    public var request: String
    /// The upstream's HTTP status.
    public var status: Int
    /// The upstream's answer body, cut to ``maximumBodyLength`` bytes.
    public var body: String

    /// Creates a rejection.
    /// - Parameters:
    ///   - request: the call that was refused.
    ///   - status: the HTTP status of the answer.
    ///   - body: the answer body; longer ones are cut.
    public init(request: String, status: Int, body: String) {
        self.request = request
        self.status = status
        self.body = body.utf8.count <= Self.maximumBodyLength ? body : String(decoding: body.utf8.prefix(Self.maximumBodyLength), as: UTF8.self)
    }
}
