/// One kind of email preference of a bag: what was requested and what was applied.
public struct ResolvedPreference: Sendable, Hashable {
    /// The request's value, or the platform's default when the request omitted it; `nil` when
    /// omitted on a platform without a default.
    public var requested: PreferenceRequest?
    /// What the platform recorded.
    public var result: PreferenceResult

    /// Creates a resolved preference.
    /// - Parameters:
    ///   - requested: the requested value, or `nil`.
    ///   - result: the applied value.
    public init(requested: PreferenceRequest?, result: PreferenceResult) {
        self.requested = requested
        self.result = result
    }
}
