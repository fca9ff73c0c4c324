import LMDB
public import PrivyDomain

extension SyncOutbox {
    /// The consent pull's state now.
    public func pullState() throws -> PullState {
        try environment.read { txn in try PullState.read(in: txn, meta: tables.meta) }
    }

    /// Records the schedule the exporter pulls with; the exporter calls it once at start. A pull
    /// in progress keeps its page.
    public func recordPullSchedule(_ schedule: PullSchedule) async throws {
        let tables = tables
        try await writer.perform { txn in
            var state = try PullState.read(in: txn, meta: tables.meta)
            state.configure(schedule)
            try state.write(in: txn, meta: tables.meta)
        }
    }

    /// Counts pull calls that read no page (network error, 5xx, 429…) against the pull and its
    /// budget share; the page stays the next one to read.
    public func recordPullCalls(_ calls: Int, at now: Timestamp = .now()) async throws {
        let tables = tables
        try await writer.perform { txn in
            var state = try PullState.read(in: txn, meta: tables.meta)
            state.count(calls: calls, at: now)
            try state.write(in: txn, meta: tables.meta)
        }
    }

    /// Applies one page of the consent pull and moves the pull past it, in one transaction.
    ///
    /// Each upstream contact is matched to the local contact linked to its id, else to the
    /// unlinked live contact with its email, else with its phone. Its restricting consent
    /// (``UpstreamConsent/restrictions``) is written with source `upstream`: audited as such,
    /// never exported back, never a welcome SMS. A channel with a local change not yet delivered
    /// upstream is left alone: that change is newer, and goes up.
    /// - Parameters:
    ///   - contacts: the page's upstream contacts.
    ///   - totalPages: how many pages the listing has.
    ///   - calls: the calls it took to read the page.
    /// - Returns: how many local contacts changed.
    @discardableResult
    public func applyPullPage(_ contacts: [UpstreamConsent], totalPages: Int, calls: Int, at now: Timestamp = .now()) async throws -> Int {
        let tables = tables
        return try await writer.perform { txn in
            var state = try PullState.read(in: txn, meta: tables.meta)
            state.count(calls: calls, at: now)
            let matched = try contacts.compactMap { upstream in
                try Store.localContact(matching: upstream, in: txn, tables).map { (upstream, $0) }
            }
            let pending = matched.isEmpty ? [:] : try Store.pendingLocalConsent(in: txn, tables)
            var changed = 0
            for (upstream, contact) in matched {
                var request = upstream.restrictions
                let undelivered = pending[contact.id] ?? []
                if undelivered.contains(.emailConsent) { request.email = nil }
                if undelivered.contains(.smsConsent) { request.sms = nil }
                if try Store.writeUpstreamConsent(request, to: contact, at: now, in: txn, tables) { changed += 1 }
            }
            state.advance(totalPages: totalPages, changed: changed, at: now)
            try state.write(in: txn, meta: tables.meta)
            var sync = try SyncState.read(in: txn, meta: tables.meta)
            sync.callsMade += UInt64(calls)
            try sync.write(in: txn, meta: tables.meta)
            return changed
        }
    }

    /// After a create answered 409 and linked `local` to an existing upstream contact: adopts
    /// that contact's consent on each channel where the local consent is only a default (never
    /// changed by any request), with source `upstream`, so the linked contact reads like upstream.
    /// - Returns: whether the local contact changed.
    @discardableResult
    public func adoptUpstreamConsent(_ local: ContactID, from upstream: UpstreamConsent, at now: Timestamp = .now()) async throws -> Bool {
        let tables = tables
        return try await writer.perform { txn in
            guard let contact = try Store.contact(local, in: txn, tables), !contact.isDeleted else { return false }
            let request = ConsentRequest(
                email: contact.emailConsentUpdatedAt == nil ? upstream.emailConsent : nil,
                sms: contact.smsConsentUpdatedAt == nil ? upstream.smsConsent : nil
            )
            return try Store.writeUpstreamConsent(request, to: contact, at: now, in: txn, tables)
        }
    }
}

extension Store {
    // MARK: - Inside the writing transaction

    /// Writes `request` onto `contact` with source `upstream`, each channel on its own so one the
    /// rules refuse (SMS `subscribed` without a local phone) does not hold back the other.
    /// - Returns: whether the contact changed.
    fileprivate static func writeUpstreamConsent(_ request: ConsentRequest, to contact: Contact, at now: Timestamp, in transaction: WriteTransaction, _ tables: Tables) throws -> Bool {
        let patches = [
            request.email.map { ContactPatch(emailConsent: .value($0.rawValue), sendWelcomeSMS: false) },
            request.sms.map { ContactPatch(smsConsent: .value($0.rawValue), sendWelcomeSMS: false) },
        ].compactMap(\.self)
        var current = contact
        for patch in patches {
            guard case .success(let outcome) = ContactRules.update(current, with: patch, now: now, source: .upstream), !outcome.changedFields.isEmpty else { continue }
            try record(outcome, replacing: current, sendWelcomeSMS: false, created: false, context: WriteContext(source: .upstream, now: now), in: transaction, tables)
            current = outcome.contact
        }
        return current != contact
    }

    /// The live local contact an upstream contact stands for: the one linked to its id, else the
    /// unlinked one with its email, else with its phone.
    fileprivate static func localContact(matching upstream: UpstreamConsent, in transaction: some Transaction, _ tables: Tables) throws -> Contact? {
        let identities = UpstreamIdentities(tables: tables)
        if let linked = try identities.localID(of: upstream.upstreamID, in: transaction) {
            return try contact(linked, in: transaction, tables).flatMap { $0.isDeleted ? nil : $0 }
        }
        let indexes = ContactIndexes(tables: tables)
        let owners = [try upstream.email.flatMap { try indexes.owner(ofEmail: $0, in: transaction) },
                      try upstream.phoneNumber.flatMap { try indexes.owner(ofPhone: $0, in: transaction) }]
        for owner in owners.compactMap(\.self) {
            guard try identities.upstreamID(of: owner, in: transaction) == nil, let contact = try contact(owner, in: transaction, tables), !contact.isDeleted else { continue }
            return contact
        }
        return nil
    }

    /// The consent fields of each contact that local changes not yet delivered upstream touch
    /// (changes with source `upstream` mirror the upstream and do not count).
    fileprivate static func pendingLocalConsent(in transaction: some Transaction, _ tables: Tables) throws -> [ContactID: ContactFields] {
        var pending: [ContactID: ContactFields] = [:]
        try transaction.forEach(in: tables.changes) { _, value in
            let change = try Change(decoding: value)
            let consent = change.contactFields.intersection([.emailConsent, .smsConsent])
            if case .contact(let id) = change.entity, change.source != .upstream, !consent.isEmpty {
                pending[id, default: []].formUnion(consent)
            }
            return true
        }
        return pending
    }
}
