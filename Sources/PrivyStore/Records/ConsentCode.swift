import PrivyDomain

/// The stable one-byte codes consent states have on disk and in index keys. New states get
/// new codes; codes are never reused.
enum ConsentCode {
    static func code(_ state: EmailConsent) -> UInt8 {
        switch state {
        case .subscribed: 1
        case .unsubscribed: 2
        case .neverSubscribed: 3
        case .suppressed: 4
        case .complianceSuppressed: 5
        }
    }

    static func code(_ state: SMSConsent) -> UInt8 {
        switch state {
        case .subscribed: 1
        case .unsubscribed: 2
        case .neverSubscribed: 3
        case .singleOptIn: 4
        case .pending: 5
        }
    }

    static func email(_ code: UInt8) throws(CorruptRecord) -> EmailConsent {
        guard let state = EmailConsent.allCases.first(where: { Self.code($0) == code }) else {
            throw CorruptRecord(what: "email consent code \(code)")
        }
        return state
    }

    static func sms(_ code: UInt8) throws(CorruptRecord) -> SMSConsent {
        guard let state = SMSConsent.allCases.first(where: { Self.code($0) == code }) else {
            throw CorruptRecord(what: "sms consent code \(code)")
        }
        return state
    }
}
