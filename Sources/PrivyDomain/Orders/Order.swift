/// A placed order, as stored: the client's full current state plus what the appliance derived.
public struct Order: Sendable, Hashable {
    /// A discount code applied to the order.
    public struct Discount: Sendable, Hashable {
        public var code: String?
        public var amount: Money?
        public init(code: String?, amount: Money?) {
            self.code = code
            self.amount = amount
        }
    }

    /// A tax charged on the order.
    public struct TaxLine: Sendable, Hashable {
        public var title: String?
        public var amount: Money?
        public init(title: String?, amount: Money?) {
            self.title = title
            self.amount = amount
        }
    }

    /// One product line.
    public struct LineItem: Sendable, Hashable {
        public var sku: String?
        public var quantity: Int64?
        public var price: Money?
        public init(sku: String?, quantity: Int64?, price: Money?) {
            self.sku = sku
            self.quantity = quantity
            self.price = price
        }
    }

    /// A billing or shipping address.
    public struct Address: Sendable, Hashable {
        public var firstName: String?
        public var lastName: String?
        public var city: String?
        public var stateCode: String?
        public var countryCode: String?
        public var postalCode: String?
        public init(firstName: String? = nil, lastName: String? = nil, city: String? = nil, stateCode: String? = nil, countryCode: String? = nil, postalCode: String? = nil) {
            self.firstName = firstName
            self.lastName = lastName
            self.city = city
            self.stateCode = stateCode
            self.countryCode = countryCode
            self.postalCode = postalCode
        }
    }

    public var id: OrderID
    public var email: EmailAddress?
    public var phone: PhoneNumber?
    public var total: Money
    public var currency: CurrencyCode
    public var placedAt: Timestamp
    public var customerID: String?
    public var subtotal: Money?
    public var discounts: [Discount]
    public var taxLines: [TaxLine]
    public var totalItems: Int64?
    public var financialStatus: String?
    public var fulfillmentStatus: String?
    public var lineItems: [LineItem]
    public var billingAddress: Address?
    public var shippingAddress: Address?
    public var acceptsEmailMarketing: Bool?
    public var acceptsSMSMarketing: Bool?
    /// Loaded as history (`initial_sync: true`): no real-time side effects.
    public var initialSync: Bool
    /// The contact the order is linked to.
    public var contactID: ContactID?
    /// The Custom Integration the order is attributed to.
    public var integrationID: String?
    public var createdAt: Timestamp
    public var updatedAt: Timestamp

    /// Creates an order.
    public init(
        id: OrderID, email: EmailAddress?, phone: PhoneNumber?, total: Money, currency: CurrencyCode, placedAt: Timestamp,
        customerID: String? = nil, subtotal: Money? = nil, discounts: [Discount] = [], taxLines: [TaxLine] = [],
        totalItems: Int64? = nil, financialStatus: String? = nil, fulfillmentStatus: String? = nil, lineItems: [LineItem] = [],
        billingAddress: Address? = nil, shippingAddress: Address? = nil, acceptsEmailMarketing: Bool? = nil,
        acceptsSMSMarketing: Bool? = nil, initialSync: Bool = false, contactID: ContactID? = nil, integrationID: String? = nil,
        createdAt: Timestamp, updatedAt: Timestamp
    ) {
        self.id = id
        self.email = email
        self.phone = phone
        self.total = total
        self.currency = currency
        self.placedAt = placedAt
        self.customerID = customerID
        self.subtotal = subtotal
        self.discounts = discounts
        self.taxLines = taxLines
        self.totalItems = totalItems
        self.financialStatus = financialStatus
        self.fulfillmentStatus = fulfillmentStatus
        self.lineItems = lineItems
        self.billingAddress = billingAddress
        self.shippingAddress = shippingAddress
        self.acceptsEmailMarketing = acceptsEmailMarketing
        self.acceptsSMSMarketing = acceptsSMSMarketing
        self.initialSync = initialSync
        self.contactID = contactID
        self.integrationID = integrationID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
