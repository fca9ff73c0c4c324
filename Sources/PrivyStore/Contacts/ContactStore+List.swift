import LMDB
import PrivyDomain

extension ContactStore {
    /// One page of live contacts matching `query`, in creation order, with the exact total.
    ///
    /// Consent filters walk the consent index and totals come from counters kept with the
    /// records, so neither scans all contacts.
    public func list(matching query: ContactQuery) throws -> ContactPage {
        try environment.read { txn in
            let indexes = ContactIndexes(tables: tables)
            if query.email != nil || query.phoneNumber != nil {
                var owners: [ContactID?] = []
                if let email = query.email { owners.append(try indexes.owner(ofEmail: email, in: txn)) }
                if let phone = query.phoneNumber { owners.append(try indexes.owner(ofPhone: phone, in: txn)) }
                guard let owner = owners.first ?? nil, owners.allSatisfy({ $0 == owner }),
                      let contact = try Store.contact(owner, in: txn, tables), !contact.isDeleted,
                      query.emailConsent.map({ $0 == contact.emailConsent }) ?? true,
                      query.smsConsent.map({ $0 == contact.smsConsent }) ?? true
                else { return ContactPage(contacts: [], totalCount: 0) }
                return ContactPage(contacts: query.page == 1 ? [contact] : [], totalCount: 1)
            }
            let total = try liveCount(email: query.emailConsent, sms: query.smsConsent, in: txn)
            let (database, prefix): (Database, [UInt8]) = if query.emailConsent == nil && query.smsConsent == nil {
                (tables.contactsBySequence, [])
            } else {
                (tables.contactsByConsent, ContactIndexes.consentPrefix(
                    email: query.emailConsent.map(ConsentCode.code), sms: query.smsConsent.map(ConsentCode.code)))
            }
            var skip = (query.page - 1) * query.perPage
            var ids: [ContactID] = []
            if skip < total {
                try txn.forEach(in: database, from: prefix, prefix: prefix) { _, value in
                    if skip > 0 {
                        skip -= 1
                        return true
                    }
                    if let id = ContactID(validating: String(decoding: value, as: UTF8.self)) { ids.append(id) }
                    return ids.count < query.perPage
                }
            }
            let contacts = try ids.compactMap { try Store.contact($0, in: txn, tables) }
            return ContactPage(contacts: contacts, totalCount: total)
        }
    }

    /// Live contacts in the given consent states (`nil`: any), summed from the pair counters.
    private func liveCount(email: EmailConsent?, sms: SMSConsent?, in transaction: ReadTransaction) throws -> Int {
        let indexes = ContactIndexes(tables: tables)
        var total: UInt64 = 0
        for emailState in email.map({ [$0] }) ?? EmailConsent.allCases {
            for smsState in sms.map({ [$0] }) ?? SMSConsent.allCases {
                total += try indexes.count(of: ConsentState(email: emailState, sms: smsState)).value(in: transaction, meta: tables.meta)
            }
        }
        return Int(total)
    }
}
