public import PrivyDomain

/// Fields of a request body that have the wrong JSON type: a malformed request, which the API
/// answers with 400 `bad_request` naming every such field in `details`.
public struct WrongFieldTypes: Error, Sendable, Equatable {
    /// Each field and the type it must have, e.g. `total_items` `must be an integer`.
    public var details: [FieldError]

    /// Creates the error.
    /// - Parameter details: the fields, never empty.
    public init(details: [FieldError]) {
        self.details = details
    }

    /// One line for the envelope's `message`: the field itself when there is one.
    public var message: String {
        details.count == 1 ? "\(details[0].field) \(details[0].message)" : "\(details.count) fields have the wrong JSON type"
    }
}
