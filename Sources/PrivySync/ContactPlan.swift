import PrivyDomain
import PrivyStore

/// What one contact needs upstream, decided from its pending changes and its current local
/// state. Only fields changed locally since the last successful sync are sent, with their
/// current values, so a stale edge never overwrites newer upstream consent.
enum ContactPlan: Sendable, Hashable {
    /// No upstream id yet: `POST /contacts` with `create` (every field the contact has, and
    /// those changed locally even to a default value, which matters when the upstream restores a
    /// deleted contact: it keeps the consent the body leaves out), then
    /// `PATCH` `afterCreate` (what a create cannot carry: SMS `unsubscribed`). If the upstream
    /// already has the contact (409), link to it and `PATCH` `onConflict`: the fields changed
    /// locally. With `replacing`, first remove that upstream contact: the contact was deleted
    /// and restored locally with another email or phone, which no `PATCH` can express.
    case create(ContactBody, afterCreate: ContactBody, onConflict: ContactBody, replacing: UpstreamRemoval?)
    /// `PATCH /contacts/{id}` with the fields changed locally.
    case update(upstreamID: String, ContactBody)
    /// Remove the upstream contact.
    case delete(UpstreamRemoval)

    /// The plan for `contact`, or `nil` when nothing needs sending: a contact deleted before it
    /// was ever synced, or changes that only mirror upstream state (source `upstream`).
    init?(contact: Contact, upstreamID: String?, changes: [Change]) {
        let local = changes.filter { $0.source != .upstream }
        let changed = local.reduce(into: ContactFields()) { $0.formUnion($1.contactFields) }
        let welcomeSMS = local.last { $0.contactFields.contains(.smsConsent) }?.flags.contains(.welcomeSMS) ?? false
        let restoredWithNewIdentity = changed.contains(.deleted) && !changed.isDisjoint(with: [.email, .phoneNumber])
        let patchable = restoredWithNewIdentity ? changed.subtracting([.email, .phoneNumber]) : changed
        switch (contact.isDeleted, upstreamID) {
        case (true, nil):
            return nil
        case (true, let upstreamID?):
            self = .delete(UpstreamRemoval(upstreamID: upstreamID, lastChanges: ContactBody(contact, fields: patchable, welcomeSMS: welcomeSMS)))
        case (false, let upstreamID?) where !restoredWithNewIdentity:
            let body = ContactBody(contact, fields: changed, welcomeSMS: welcomeSMS)
            guard !body.isEmpty else { return nil }
            self = .update(upstreamID: upstreamID, body)
        case (false, _):
            let blank = Contact(id: contact.id, sequence: contact.sequence, createdAt: contact.createdAt)
            var everything = ContactFields(changedFrom: blank, to: contact).union(changed)
            var afterCreate: ContactFields = []
            if contact.smsConsent == .unsubscribed, everything.contains(.smsConsent) {
                everything.remove(.smsConsent)
                afterCreate.insert(.smsConsent)
            }
            self = .create(
                ContactBody(contact, fields: everything, welcomeSMS: welcomeSMS),
                afterCreate: ContactBody(contact, fields: afterCreate, welcomeSMS: welcomeSMS),
                onConflict: ContactBody(contact, fields: changed, welcomeSMS: welcomeSMS),
                replacing: upstreamID.map { UpstreamRemoval(upstreamID: $0, lastChanges: ContactBody(contact, fields: patchable, welcomeSMS: welcomeSMS)) }
            )
        }
    }

    /// Whether the plan lowers consent, so it goes before everything else.
    var isConsentDowngrade: Bool {
        switch self {
        case .create(let create, let afterCreate, _, let replacing): create.isConsentDowngrade || afterCreate.isConsentDowngrade || replacing?.lastChanges.isConsentDowngrade == true
        case .update(_, let body): body.isConsentDowngrade
        case .delete(let removal): removal.lastChanges.isConsentDowngrade
        }
    }
}

/// Removing a contact upstream: first `PATCH` what changed locally since the last sync (so the
/// upstream's deleted record, which a later create restores, holds the same consent, opt-outs
/// above all), then `DELETE /contacts/{id}`. The `PATCH` is best effort: if the upstream refuses
/// it, the contact is deleted all the same.
struct UpstreamRemoval: Sendable, Hashable {
    /// The upstream contact.
    let upstreamID: String
    /// What to send first; empty when nothing changed.
    let lastChanges: ContactBody
}
