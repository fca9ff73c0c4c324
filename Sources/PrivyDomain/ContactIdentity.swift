/// A value that identifies a contact (its email address or phone number): validated from wire text,
/// settable only while unset, and compared through a match key.
protocol ContactIdentity: Sendable, Hashable {
    /// The 422 message for text that is not a valid value.
    static var invalidMessage: String { get }

    /// The value `text` denotes, or `nil` if it is not valid.
    init?(validating text: String)

    /// The form two values are compared in: equal keys name the same contact.
    var matchKey: String { get }
}
