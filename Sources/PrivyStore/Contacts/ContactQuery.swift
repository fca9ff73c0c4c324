public import PrivyDomain

/// A page of `GET /v1/contacts`: filters and position. All filters must match.
public struct ContactQuery: Sendable, Hashable {
    /// 1-based page number.
    public var page: Int
    /// Contacts per page, 1…100.
    public var perPage: Int
    /// Only the contact with this email (matched case-insensitively).
    public var email: EmailAddress?
    /// Only the contact with this phone number.
    public var phoneNumber: PhoneNumber?
    /// Only contacts in this email consent state.
    public var emailConsent: EmailConsent?
    /// Only contacts in this SMS consent state.
    public var smsConsent: SMSConsent?

    /// Creates a query.
    public init(page: Int = 1, perPage: Int = 25, email: EmailAddress? = nil, phoneNumber: PhoneNumber? = nil, emailConsent: EmailConsent? = nil, smsConsent: SMSConsent? = nil) {
        self.page = page
        self.perPage = perPage
        self.email = email
        self.phoneNumber = phoneNumber
        self.emailConsent = emailConsent
        self.smsConsent = smsConsent
    }
}

/// One page of contacts and the exact number of contacts matching the filters.
public struct ContactPage: Sendable {
    /// The contacts on this page, in creation order.
    public var contacts: [Contact]
    /// How many contacts match in all.
    public var totalCount: Int
}
