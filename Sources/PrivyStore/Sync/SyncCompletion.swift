/// What became of one entity's pending changes, recorded by ``SyncOutbox/completeSync(_:at:)``:
/// the changes leave the log and the progress figures move, in one transaction.
public struct SyncCompletion: Sendable {
    /// The end of the upstream exchange.
    public enum Outcome: Sendable, Hashable {
        /// The upstream accepted the changes, or there was nothing to send.
        case delivered
        /// The upstream refused them for good: they become a dead letter.
        case rejected(UpstreamRejection)
    }

    /// The changes, all about one entity.
    public var changes: [Change]
    /// The HTTP calls this took.
    public var calls: Int
    /// The outcome.
    public var outcome: Outcome
    /// For a contact: forget its upstream id (it was deleted upstream, or the upstream no longer
    /// knows it).
    public var forgetsUpstreamID: Bool

    /// Creates a completion.
    /// - Parameters:
    ///   - changes: the entity's changes that this exchange settled (at least one).
    ///   - calls: HTTP calls made.
    ///   - outcome: delivered or rejected.
    ///   - forgetsUpstreamID: whether to drop the contact's upstream id.
    public init(changes: [Change], calls: Int, outcome: Outcome, forgetsUpstreamID: Bool = false) {
        self.changes = changes
        self.calls = calls
        self.outcome = outcome
        self.forgetsUpstreamID = forgetsUpstreamID
    }
}
