import LMDB
public import PrivyDomain

/// What a contact write did, for the HTTP answer.
public struct ContactWriteResult: Sendable {
    /// The contact after the write.
    public var contact: Contact
    /// Whether a new contact was created or a deleted one restored (201 rather than 200).
    public var created: Bool
}

extension ContactStore {
    /// Creates a contact, or restores a deleted one with the same email or phone.
    /// - Parameters:
    ///   - draft: the request's fields.
    ///   - context: who is writing.
    /// - Returns: the contact.
    /// - Throws: ``ContactConflict`` when a live contact has the email or phone,
    ///   `ValidationFailure` when a rule is broken; nothing is written then.
    public func create(_ draft: ContactDraft, context: WriteContext) async throws -> ContactWriteResult {
        let tables = tables
        return try await writer.perform { txn in
            let indexes = ContactIndexes(tables: tables)
            let email = draft.email.flatMap(EmailAddress.init(validating:))
            let phone = draft.phoneNumber.flatMap(PhoneNumber.init(validating:))
            var existing: Contact?
            for (field, owner) in [("email", try email.flatMap { try indexes.owner(ofEmail: $0, in: txn) }),
                                   ("phone_number", try phone.flatMap { try indexes.owner(ofPhone: $0, in: txn) })] {
                guard let owner, let contact = try Store.contact(owner, in: txn, tables) else { continue }
                if !contact.isDeleted { throw ContactConflict(existingID: owner, field: field) }
                existing = existing ?? contact
            }
            let outcome: ContactWriteOutcome
            if let existing {
                let restoring = try Store.keepingIdentity(of: existing, in: draft, txn, tables)
                outcome = try ContactRules.restore(existing, with: restoring, now: context.now, source: context.source).get()
            } else {
                outcome = try Store.createContact(draft, context: context, in: txn, tables)
            }
            try Store.record(outcome, replacing: existing, sendWelcomeSMS: draft.sendWelcomeSMS, created: true, context: context, in: txn, tables)
            return ContactWriteResult(contact: outcome.contact, created: true)
        }
    }

    /// Applies a patch to a live contact.
    /// - Throws: ``ContactNotFound``, ``ContactConflict`` or `ValidationFailure`; nothing is
    ///   written then.
    public func update(id: String, with patch: ContactPatch, context: WriteContext) async throws -> Contact {
        let tables = tables
        return try await writer.perform { txn in
            let current = try Store.liveContact(id, in: txn, tables)
            let outcome = try ContactRules.update(current, with: patch, now: context.now, source: context.source).get()
            try Store.claimIdentity(of: outcome.contact, changing: current, in: txn, tables)
            try Store.record(outcome, replacing: current, sendWelcomeSMS: patch.sendWelcomeSMS, created: false, context: context, in: txn, tables)
            return outcome.contact
        }
    }

    /// Deletes a live contact: it leaves reads and lists, and a create that matches it
    /// restores it.
    /// - Returns: the contact as it was deleted.
    /// - Throws: ``ContactNotFound``.
    public func delete(id: String, context: WriteContext) async throws -> Contact {
        let tables = tables
        return try await writer.perform { txn in
            let current = try Store.liveContact(id, in: txn, tables)
            let outcome = try ContactRules.delete(current, now: context.now, source: context.source).get()
            try Store.record(outcome, replacing: current, sendWelcomeSMS: true, created: false, context: context, in: txn, tables)
            return outcome.contact
        }
    }

    /// A live contact by id, or `nil`.
    public func contact(id: String) throws -> Contact? {
        guard let id = ContactID(validating: id) else { return nil }
        return try environment.read { txn in
            try Store.contact(id, in: txn, tables).flatMap { $0.isDeleted ? nil : $0 }
        }
    }

    /// A live contact's consent audit trail, oldest first, or `nil` if there is no such contact.
    public func consentEvents(contactID: String) throws -> [AuditedConsentEvent]? {
        guard let id = ContactID(validating: contactID) else { return nil }
        return try environment.read { txn in
            guard let contact = try Store.contact(id, in: txn, tables), !contact.isDeleted else { return nil }
            var events: [AuditedConsentEvent] = []
            let prefix = Array(id.rawValue.utf8)
            try txn.forEach(in: tables.consentEvents, from: prefix, prefix: prefix) { _, value in
                events.append(try AuditedConsentEvent(decoding: value))
                return true
            }
            return events
        }
    }
}

extension Store {
    // MARK: - Inside the writing transaction

    static func contact(_ id: ContactID, in transaction: some Transaction, _ tables: Tables) throws -> Contact? {
        try transaction.withValue(forKey: id.rawValue, in: tables.contacts, Contact.init(decoding:))
    }

    static func liveContact(_ id: String, in transaction: some Transaction, _ tables: Tables) throws -> Contact {
        guard let contactID = ContactID(validating: id), let contact = try contact(contactID, in: transaction, tables), !contact.isDeleted else {
            throw ContactNotFound(id: id)
        }
        return contact
    }

    /// Creates a new contact from `draft`. The creation sequence is taken only once the rules
    /// pass, so a rejected create writes nothing and its batch-mates need no replay.
    static func createContact(_ draft: ContactDraft, context: WriteContext, in transaction: WriteTransaction, _ tables: Tables) throws -> ContactWriteOutcome {
        var generator = SystemRandomNumberGenerator()
        let sequence = try Counter.contactSequence.value(in: transaction, meta: tables.meta) + 1
        var id = ContactID.timeOrdered(at: context.now, using: &generator)
        while try transaction.contains(id.rawValue, in: tables.contacts) {
            id = .timeOrdered(at: context.now, using: &generator)
        }
        let outcome = try ContactRules.create(draft, id: id, sequence: sequence, now: context.now, source: context.source).get()
        try Counter.contactSequence.add(1, in: transaction, meta: tables.meta)
        return outcome
    }

    /// `draft` with the deleted contact's email and phone filled in where the draft has none and
    /// the unique index still names that contact: a restore keeps the identity it was not given,
    /// so consent that needs a phone keeps its phone.
    static func keepingIdentity(of deleted: Contact, in draft: ContactDraft, _ transaction: some Transaction, _ tables: Tables) throws -> ContactDraft {
        let indexes = ContactIndexes(tables: tables)
        var draft = draft
        if draft.email == nil, let email = deleted.email, try indexes.owner(ofEmail: email, in: transaction) == deleted.id {
            draft.email = email.rawValue
        }
        if draft.phoneNumber == nil, let phone = deleted.phoneNumber, try indexes.owner(ofPhone: phone, in: transaction) == deleted.id {
            draft.phoneNumber = phone.rawValue
        }
        return draft
    }

    /// Refuses an email or phone newly set on `contact` that a live contact already has.
    static func claimIdentity(of contact: Contact, changing current: Contact, in transaction: some Transaction, _ tables: Tables) throws {
        let indexes = ContactIndexes(tables: tables)
        if let email = contact.email, email.normalized != current.email?.normalized,
           let owner = try indexes.owner(ofEmail: email, in: transaction), owner != contact.id,
           let other = try Self.contact(owner, in: transaction, tables), !other.isDeleted {
            throw ContactConflict(existingID: owner, field: "email")
        }
        if let phone = contact.phoneNumber, phone != current.phoneNumber,
           let owner = try indexes.owner(ofPhone: phone, in: transaction), owner != contact.id,
           let other = try Self.contact(owner, in: transaction, tables), !other.isDeleted {
            throw ContactConflict(existingID: owner, field: "phone_number")
        }
    }

    /// Writes a contact write's record, indexes, audit events and change, all in `transaction`.
    static func record(
        _ outcome: ContactWriteOutcome,
        replacing old: Contact?,
        sendWelcomeSMS: Bool,
        created: Bool,
        context: WriteContext,
        in transaction: WriteTransaction,
        _ tables: Tables
    ) throws {
        let contact = outcome.contact
        guard created || !outcome.changedFields.isEmpty else { return }
        try transaction.put(contact.encoded(), forKey: contact.id.rawValue, in: tables.contacts)
        try ContactIndexes(tables: tables).reindex(from: old, to: contact, in: transaction)
        for event in outcome.events {
            let sequence = try Counter.consentEventSequence.next(in: transaction, meta: tables.meta)
            let audited = AuditedConsentEvent(
                event: event, source: context.source, requestID: context.requestID,
                tokenID: context.tokenID, clientIP: context.clientIP, at: context.now
            )
            try transaction.put(audited.encoded(), forKey: Array(contact.id.rawValue.utf8) + Key.sequence(sequence), in: tables.consentEvents)
        }
        var flags: Change.Flags = []
        if created { flags.insert(.created) }
        if contact.isDeleted { flags.insert(.deleted) }
        if outcome.effects.contains(.welcomeSMS) { flags.insert(.welcomeSMS) }
        if !sendWelcomeSMS { flags.insert(.welcomeSMSDeclined) }
        try ChangeLog(tables: tables).append(.contact(contact.id), contactFields: outcome.changedFields, flags: flags, context: context, in: transaction)
    }
}
