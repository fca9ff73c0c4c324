/// What the merchant's platform recorded for one kind of email. Raw values are the wire values.
public enum PreferenceResult: String, Sendable, Hashable, CaseIterable {
    /// Opted in.
    case optIn = "OPT_IN"
    /// Opted in for this order only (Shopify's form of an opt-in to transactional emails).
    case singleOptIn = "SINGLE_OPT_IN"
    /// Not opted in.
    case noOptIn = "NO_OPT_IN"
    /// Nothing was applied: the platform does not support the preference, or the consent engine
    /// refused the marketing opt-in (the contact is `compliance_suppressed`). The request is
    /// stored all the same.
    case notApplied = "NOT_APPLIED"
}
