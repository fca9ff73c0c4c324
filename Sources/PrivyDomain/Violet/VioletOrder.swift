/// A Violet Direct Order Submission body (`POST /api/orders`, the `order` object), as received
/// and not yet validated: ``VioletOrderRules`` checks it and turns each bag into an order.
///
/// Amounts are integers in the currency's minor units (cents for USD), as Violet sends them.
public struct VioletOrder: Sendable, Hashable {
    /// The shopper.
    public struct Customer: Sendable, Hashable {
        /// `first_name`: names a contact the order creates.
        public var firstName: String?
        /// `last_name`.
        public var lastName: String?
        /// `email`: required; links the orders and receives the marketing opt-in.
        public var email: String?
        /// `phone`, E.164.
        public var phone: String?

        /// Creates a customer.
        public init(firstName: String? = nil, lastName: String? = nil, email: String? = nil, phone: String? = nil) {
            self.firstName = firstName
            self.lastName = lastName
            self.email = email
            self.phone = phone
        }
    }

    /// One product line of a bag.
    public struct SKU: Sendable, Hashable {
        /// `sku_id`, as text (Violet sends a number).
        public var skuID: String?
        /// `quantity`; Violet's default is 1.
        public var quantity: Int64?
        /// `price`: the unit price in minor units.
        public var price: Int64?

        /// Creates a line.
        public init(skuID: String? = nil, quantity: Int64? = nil, price: Int64? = nil) {
            self.skuID = skuID
            self.quantity = quantity
            self.price = price
        }
    }

    /// The part of the order one merchant fulfils: it becomes one order.
    public struct Bag: Sendable, Hashable {
        /// The product lines.
        public var skus: [SKU]
        /// The merchant's commerce platform, e.g. `SHOPIFY`; `nil` for ``VioletPlatform/defaultName``.
        public var platform: String?
        /// `shipping_method.price`, in minor units.
        public var shippingPrice: Int64?
        /// `tax_total`, in minor units.
        public var taxTotal: Int64?
        /// `communication_preferences.email_preferences`: only the kinds the request sent.
        public var preferences: [EmailPreferenceKind: PreferenceRequest]

        /// Creates a bag.
        public init(
            skus: [SKU] = [], platform: String? = nil, shippingPrice: Int64? = nil, taxTotal: Int64? = nil,
            preferences: [EmailPreferenceKind: PreferenceRequest] = [:]
        ) {
            self.skus = skus
            self.platform = platform
            self.shippingPrice = shippingPrice
            self.taxTotal = taxTotal
            self.preferences = preferences
        }
    }

    /// `app_order_id`: the channel's id of the order; with a bag's position, the key that makes
    /// a resubmission update the same orders.
    public var appOrderID: String?
    /// `app_customer_id`: stored as the orders' `customer_id`.
    public var appCustomerID: String?
    /// `customer`; `nil` when missing.
    public var customer: Customer?
    /// `currency` (ISO 4217).
    public var currency: String?
    /// One bag per merchant, each becoming an order.
    public var bags: [Bag]
    /// `billing_address`: city, state, country and postal code.
    public var billingAddress: Order.Address?
    /// `shipping_address`: city, state, country and postal code.
    public var shippingAddress: Order.Address?

    /// Creates an order body.
    public init(
        appOrderID: String? = nil, appCustomerID: String? = nil, customer: Customer? = nil, currency: String? = nil, bags: [Bag] = [],
        billingAddress: Order.Address? = nil, shippingAddress: Order.Address? = nil
    ) {
        self.appOrderID = appOrderID
        self.appCustomerID = appCustomerID
        self.customer = customer
        self.currency = currency
        self.bags = bags
        self.billingAddress = billingAddress
        self.shippingAddress = shippingAddress
    }
}
