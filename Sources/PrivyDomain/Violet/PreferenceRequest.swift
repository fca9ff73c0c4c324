/// What a shopper asked for one kind of email at checkout. Raw values are Violet's wire values.
public enum PreferenceRequest: String, Sendable, Hashable, CaseIterable {
    /// The shopper explicitly opts in.
    case optIn = "OPT_IN"
    /// The shopper does not opt in.
    case noOptIn = "NO_OPT_IN"
}
