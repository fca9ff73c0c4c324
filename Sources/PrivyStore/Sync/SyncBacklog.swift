public import PrivyDomain

/// The changes not yet delivered upstream, grouped per entity, each entity with its current
/// local state: everything the sync planner needs, read in one transaction.
public struct SyncBacklog: Sendable {
    /// One entity per element, in the order of its oldest pending change.
    public var entities: [PendingEntity]

    /// Creates a backlog.
    /// - Parameter entities: the pending entities, oldest first.
    public init(entities: [PendingEntity]) {
        self.entities = entities
    }

    /// Whether nothing is pending.
    public var isEmpty: Bool {
        entities.isEmpty
    }
}

/// One entity's pending changes and its state now.
public struct PendingEntity: Sendable {
    /// The entity.
    public var entity: Change.Entity
    /// Its pending changes, oldest first.
    public var changes: [Change]
    /// Its current local state.
    public var state: EntityState

    /// Creates a pending entity.
    /// - Parameters:
    ///   - entity: the entity.
    ///   - changes: its pending changes, oldest first (at least one).
    ///   - state: its current local state.
    public init(entity: Change.Entity, changes: [Change], state: EntityState) {
        self.entity = entity
        self.changes = changes
        self.state = state
    }
}

/// An entity's current local state, as the exporter needs it.
public enum EntityState: Sendable {
    /// A contact (deleted ones included; `nil` if there is no record) and its upstream id, if
    /// it has been synced.
    case contact(Contact?, upstreamID: String?)
    /// An order's upstream form.
    case order(UpstreamOrder)
}
