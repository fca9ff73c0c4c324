/// The kinds of email a Violet bag's `communication_preferences.email_preferences` covers.
/// Raw values are the wire keys; `allCases` is the order they are answered in.
public enum EmailPreferenceKind: String, Sendable, Hashable, CaseIterable {
    /// Order confirmation emails.
    case orderConfirmation = "order_confirmation"
    /// Fulfillment and shipping emails.
    case orderFulfillment = "order_fulfillment"
    /// Marketing and promotional emails: an applied opt-in subscribes the customer's email contact.
    case marketing
}
