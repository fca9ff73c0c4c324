/// The value of one custom field. Custom fields are flat: a value is never an array or an object.
public enum CustomFieldValue: Sendable, Hashable {
    /// A JSON string.
    case string(String)
    /// A JSON number, kept as its exact source text (for example `12.50` or `1e3`) so no precision
    /// is lost; the text must follow JSON's number grammar.
    case number(text: String)
    /// A JSON boolean.
    case bool(Bool)
    /// JSON `null`.
    case null
}
