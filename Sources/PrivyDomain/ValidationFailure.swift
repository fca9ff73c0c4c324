/// Every rule a well-formed request breaks: the API answers it with `422 validation_failed` and
/// these ``details``, and applies nothing of the request.
public struct ValidationFailure: Error, Sendable, Equatable {
    /// The broken rules, in the order the fields are checked; never empty when returned by this module.
    public var details: [FieldError]

    /// Creates a failure.
    ///
    /// - Parameters:
    ///   - details: the broken rules.
    public init(details: [FieldError]) {
        self.details = details
    }
}
