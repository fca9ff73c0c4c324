import LMDB
import PrivyDomain

/// Keeps every contact index and count in step with a contact's record, in the writing
/// transaction: the unique email and phone indexes, the list order and the consent indexes.
struct ContactIndexes {
    let tables: Tables

    /// The contact id an identity index holds for `key`, if any.
    func owner(ofEmail email: EmailAddress, in transaction: some Transaction) throws -> ContactID? {
        try owner(email.normalized, in: tables.contactEmails, transaction)
    }

    /// The contact id the phone index holds for `phone`, if any.
    func owner(ofPhone phone: PhoneNumber, in transaction: some Transaction) throws -> ContactID? {
        try owner(phone.rawValue, in: tables.contactPhones, transaction)
    }

    private func owner(_ key: String, in database: Database, _ transaction: some Transaction) throws -> ContactID? {
        try transaction.withValue(forKey: key, in: database) { bytes in
            ContactID(validating: String(decoding: bytes, as: UTF8.self))
        } ?? nil
    }

    /// Moves every index entry of the contact from `old` to `new` (`nil` old: a new contact).
    func reindex(from old: Contact?, to new: Contact, in transaction: WriteTransaction) throws {
        let id = Array(new.id.rawValue.utf8)
        if old?.email?.normalized != new.email?.normalized {
            if let previous = old?.email?.normalized { try release(previous, in: tables.contactEmails, from: new.id, transaction) }
            if let email = new.email { try transaction.put(id, forKey: email.normalized, in: tables.contactEmails) }
        }
        if old?.phoneNumber != new.phoneNumber {
            if let previous = old?.phoneNumber?.rawValue { try release(previous, in: tables.contactPhones, from: new.id, transaction) }
            if let phone = new.phoneNumber { try transaction.put(id, forKey: phone.rawValue, in: tables.contactPhones) }
        }
        let wasLive = old.map { !$0.isDeleted } ?? false
        let isLive = !new.isDeleted
        let consentMoved = old?.consent != new.consent
        if wasLive, let old, !isLive || consentMoved {
            for key in consentKeys(of: old) { try transaction.delete(key, in: tables.contactsByConsent) }
            try count(of: old.consent).add(-1, in: transaction, meta: tables.meta)
        }
        if isLive && (!wasLive || consentMoved) {
            for key in consentKeys(of: new) { try transaction.put(id, forKey: key, in: tables.contactsByConsent) }
            try count(of: new.consent).add(1, in: transaction, meta: tables.meta)
        }
        if wasLive && !isLive {
            try transaction.delete(Key.sequence(new.sequence), in: tables.contactsBySequence)
        } else if isLive && !wasLive {
            try transaction.put(id, forKey: Key.sequence(new.sequence), in: tables.contactsBySequence)
        }
    }

    /// Removes `key` from an identity index if it still names `id` (another contact may have
    /// taken it over).
    func release(_ key: String, in database: Database, from id: ContactID, _ transaction: WriteTransaction) throws {
        if try owner(key, in: database, transaction) == id {
            try transaction.delete(key, in: database)
        }
    }

    /// The consent index keys of a live contact.
    private func consentKeys(of contact: Contact) -> [[UInt8]] {
        let email = ConsentCode.code(contact.emailConsent)
        let sms = ConsentCode.code(contact.smsConsent)
        return [
            Self.consentPrefix(email: email, sms: nil) + Key.sequence(contact.sequence),
            Self.consentPrefix(email: nil, sms: sms) + Key.sequence(contact.sequence),
            Self.consentPrefix(email: email, sms: sms) + Key.sequence(contact.sequence),
        ]
    }

    /// The key prefix of the consent index for a filter on one or both channels.
    static func consentPrefix(email: UInt8?, sms: UInt8?) -> [UInt8] {
        switch (email, sms) {
        case (let email?, let sms?): [UInt8(ascii: "p"), email, sms]
        case (let email?, nil): [UInt8(ascii: "e"), email]
        case (nil, let sms?): [UInt8(ascii: "s"), sms]
        case (nil, nil): []
        }
    }

    /// The live-contact count for one pair of consent states.
    func count(of consent: ConsentState) -> Counter {
        Counter(key: "count:contacts:\(ConsentCode.code(consent.email)):\(ConsentCode.code(consent.sms))")
    }
}
