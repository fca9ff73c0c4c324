import LMDB
import PrivyDomain

extension ContactStore {
    /// Live contacts per consent state on each channel, read from the per-state counters in one
    /// read transaction (no scan).
    public func consentCounts() throws -> ConsentCounts {
        try environment.read { txn in
            let indexes = ContactIndexes(tables: tables)
            var counts = ConsentCounts(
                email: Dictionary(uniqueKeysWithValues: EmailConsent.allCases.map { ($0, 0) }),
                sms: Dictionary(uniqueKeysWithValues: SMSConsent.allCases.map { ($0, 0) })
            )
            for email in EmailConsent.allCases {
                for sms in SMSConsent.allCases {
                    let count = Int(try indexes.count(of: ConsentState(email: email, sms: sms)).value(in: txn, meta: tables.meta))
                    counts.email[email, default: 0] += count
                    counts.sms[sms, default: 0] += count
                }
            }
            return counts
        }
    }
}
