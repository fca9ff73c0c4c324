/// A `POST /v1/orders/placed` body, with each field's raw text: ``OrderRules`` validates it.
///
/// Required fields are plain optionals (`nil`: missing). Optional fields are ``PatchValue``s:
/// absent keeps the stored value, `null` clears it.
public struct OrderDraft: Sendable, Hashable {
    /// A discount as sent.
    public struct Discount: Sendable, Hashable {
        public var code: String?
        public var amount: String?
        public init(code: String?, amount: String?) {
            self.code = code
            self.amount = amount
        }
    }

    /// A tax line as sent.
    public struct TaxLine: Sendable, Hashable {
        public var title: String?
        public var amount: String?
        public init(title: String?, amount: String?) {
            self.title = title
            self.amount = amount
        }
    }

    /// A line item as sent.
    public struct LineItem: Sendable, Hashable {
        public var sku: String?
        public var quantity: Int64?
        public var price: String?
        public init(sku: String?, quantity: Int64?, price: String?) {
            self.sku = sku
            self.quantity = quantity
            self.price = price
        }
    }

    public var orderID: String?
    public var total: String?
    public var currency: String?
    public var orderDate: String?
    public var email: String?
    public var phone: String?
    public var customerID: PatchValue<String> = .absent
    public var subtotal: PatchValue<String> = .absent
    public var discounts: PatchValue<[Discount]> = .absent
    public var taxLines: PatchValue<[TaxLine]> = .absent
    public var totalItems: PatchValue<Int64> = .absent
    public var financialStatus: PatchValue<String> = .absent
    public var fulfillmentStatus: PatchValue<String> = .absent
    public var lineItems: PatchValue<[LineItem]> = .absent
    public var billingAddress: PatchValue<Order.Address> = .absent
    public var shippingAddress: PatchValue<Order.Address> = .absent
    public var acceptsEmailMarketing: PatchValue<Bool> = .absent
    public var acceptsSMSMarketing: PatchValue<Bool> = .absent
    public var initialSync: PatchValue<Bool> = .absent

    /// Creates a draft with the required fields; set optional ones as properties.
    public init(orderID: String? = nil, total: String? = nil, currency: String? = nil, orderDate: String? = nil, email: String? = nil, phone: String? = nil) {
        self.orderID = orderID
        self.total = total
        self.currency = currency
        self.orderDate = orderDate
        self.email = email
        self.phone = phone
    }
}
