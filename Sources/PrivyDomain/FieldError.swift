/// One broken rule in a 422 response: an entry of `error.details`.
public struct FieldError: Sendable, Hashable {
    /// The wire name of the field that breaks the rule, for example `email` or `sms_consent`.
    ///
    /// A rule about several fields uses `base`; an element of a list uses `tags[2]` (zero-based);
    /// a custom field uses `custom_fields.<key>`.
    public var field: String
    /// What is wrong, phrased to follow the field name: `is not a valid email address`.
    public var message: String

    /// Creates a detail.
    ///
    /// - Parameters:
    ///   - field: the wire name of the field, or `base`.
    ///   - message: what is wrong with it.
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    /// The detail for a value longer than its limit: `is too long (maximum is 255 characters)`.
    static func tooLong(_ field: String, maximum: Int, unit: String) -> FieldError {
        FieldError(field: field, message: "is too long (maximum is \(maximum) \(unit))")
    }
}
