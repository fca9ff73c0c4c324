/// Where a consent change came from, as recorded on its audit event.
public enum ConsentSource: String, Sendable, Hashable, CaseIterable {
    /// `POST` or `PATCH /v1/contacts`. The only source that records a welcome SMS.
    case api
    /// Customer linkage of `POST /v1/orders/placed`.
    case order
    /// Violet's `POST /api/orders` marketing preference.
    case violet
    /// The deprecated `POST /v1/contacts/{id}/unsubscribe`.
    case unsubscribe
    /// A bulk import.
    case `import`
    /// The operator or system path, for instance state mirrored from the upstream Privy.
    ///
    /// It alone may write the read-only values (`compliance_suppressed`, `pending`), may change a
    /// compliance-suppressed contact's consent, and may create a contact unsubscribed from SMS.
    case upstream

    /// Whether this is the operator or system path, exempt from the rules that protect system states.
    var isSystem: Bool {
        self == .upstream
    }
}
