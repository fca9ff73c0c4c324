/// What the consent engine needs to know about the write besides the two states.
public struct ConsentContext: Sendable, Hashable {
    /// Whether the write creates the contact (`POST`, including the restore of a deleted contact).
    public var isCreate: Bool
    /// Whether the contact has a phone number once the whole request is applied.
    public var hasPhone: Bool
    /// Where the write comes from.
    public var source: ConsentSource

    /// Creates a context.
    ///
    /// - Parameters:
    ///   - isCreate: whether the write creates the contact.
    ///   - hasPhone: whether the contact has a phone number once the whole request is applied.
    ///   - source: where the write comes from.
    public init(isCreate: Bool, hasPhone: Bool, source: ConsentSource) {
        self.isCreate = isCreate
        self.hasPhone = hasPhone
        self.source = source
    }
}
