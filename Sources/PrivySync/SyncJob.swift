import PrivyDomain
import PrivyStore

/// One entity's upstream work, settling all of its pending changes that were planned together.
struct SyncJob: Sendable {
    /// What to send.
    enum Work: Sendable, Hashable {
        /// Nothing: the changes are settled without a call.
        case nothing
        /// A contact's calls.
        case contact(ContactID, ContactPlan)
        /// An order's full state, `POST /orders/placed`.
        case order(UpstreamOrder)
    }

    /// The changes the job settles, oldest first (at least one).
    let changes: [Change]
    /// What to send.
    let work: Work

    /// The entity.
    var entity: Change.Entity {
        changes[0].entity
    }

    /// Whether the job lowers consent and so goes before everything else.
    var isConsentDowngrade: Bool {
        if case .contact(_, let plan) = work { plan.isConsentDowngrade } else { false }
    }

    /// What no other job in flight may share: the entity, or for an order its contact, so the
    /// orders of one contact go one at a time.
    var exclusionKey: Change.Entity {
        dependency ?? entity
    }

    /// The entity that must reach the upstream first: an order's contact.
    var dependency: Change.Entity? {
        if case .order(let order) = work { order.contactID.map(Change.Entity.contact) } else { nil }
    }
}
