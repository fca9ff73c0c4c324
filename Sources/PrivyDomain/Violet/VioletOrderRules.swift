/// The rules of Violet's `POST /api/orders`: what the order as a whole needs, and how each bag
/// becomes a `POST /v1/orders/placed` draft that ``OrderRules`` then validates and merges like any
/// other order. Errors name Violet's fields (`order.customer.email`, `order.bags[0].skus[1].price`).
public enum VioletOrderRules {
    /// The most bags one order may have.
    public static let maximumBagCount = 100
    /// The longest `app_order_id`, in characters.
    public static let maximumAppOrderIDLength = 255
    /// The longest platform name, in characters.
    public static let maximumPlatformLength = 64

    /// A bag that passed the order-level rules: its platform row and its totals in minor units.
    public struct CheckedBag: Sendable, Hashable {
        /// The platform's row of the mapping table.
        public var platform: VioletPlatform
        /// The sum of the SKU lines.
        public var subtotal: Int64
        /// The subtotal plus shipping and tax.
        public var total: Int64
    }

    /// Checks what the order needs before its bags become orders: an `app_order_id`, a customer
    /// with an email, one to ``maximumBagCount`` bags of at least one priced SKU each, platform
    /// names, non-negative amounts and totals within range.
    /// - Parameter order: the request.
    /// - Returns: each bag's platform and totals, or every broken rule.
    public static func check(_ order: VioletOrder) -> Result<[CheckedBag], ValidationFailure> {
        var errors: [FieldError] = []
        func reject(_ field: String, _ message: String) {
            errors.append(FieldError(field: field, message: message))
        }
        switch order.appOrderID {
        case nil: reject("order.app_order_id", "is required")
        case let id? where id.isEmpty || id.count > maximumAppOrderIDLength:
            reject("order.app_order_id", "must be 1 to \(maximumAppOrderIDLength) characters")
        default: break
        }
        if order.customer == nil {
            reject("order.customer", "is required")
        } else if order.customer?.email == nil {
            reject("order.customer.email", "is required")
        }
        if order.bags.isEmpty || order.bags.count > maximumBagCount {
            reject("order.bags", "must have 1 to \(maximumBagCount) bags")
        }
        var checked: [CheckedBag] = []
        for (index, bag) in order.bags.enumerated() {
            let path = "order.bags[\(index)]"
            let platform = bag.platform.map { $0.uppercased() }
            if let platform, platform.isEmpty || platform.count > maximumPlatformLength || !platform.utf8.allSatisfy(isPlatformByte) {
                reject("\(path).platform", "must be a platform name such as SHOPIFY (letters, digits and _)")
            }
            if bag.skus.isEmpty {
                reject("\(path).skus", "must have at least one SKU")
            }
            var subtotal: Int64? = 0
            for (line, sku) in bag.skus.enumerated() {
                let quantity = sku.quantity ?? 1
                if quantity < 1 { reject("\(path).skus[\(line)].quantity", "must be at least 1") }
                guard let price = sku.price else {
                    reject("\(path).skus[\(line)].price", "is required")
                    continue
                }
                if price < 0 { reject("\(path).skus[\(line)].price", "must not be negative") }
                subtotal = subtotal.flatMap { sum(of: [$0, product(price, quantity)]) }
            }
            if (bag.shippingPrice ?? 0) < 0 { reject("\(path).shipping_method.price", "must not be negative") }
            if (bag.taxTotal ?? 0) < 0 { reject("\(path).tax_total", "must not be negative") }
            let total = subtotal.flatMap { sum(of: [$0, bag.shippingPrice ?? 0, bag.taxTotal ?? 0]) }
            guard let subtotal, let total else {
                reject(path, "total is out of range")
                continue
            }
            checked.append(CheckedBag(platform: VioletPlatform.named(platform), subtotal: subtotal, total: total))
        }
        return errors.isEmpty ? .success(checked) : .failure(ValidationFailure(details: errors))
    }

    /// The `POST /v1/orders/placed` draft a checked bag becomes: the customer's identity and
    /// names, the bag's SKUs as line items, its totals as exact decimals.
    /// - Parameters:
    ///   - index: the bag's position in the order.
    ///   - order: the request, checked by ``check(_:)``.
    ///   - bag: the bag as checked.
    ///   - orderID: the bag's order id.
    ///   - placedAt: the order date: the first submission's time.
    ///   - marketing: the resolved marketing preference, kept as `accepts_email_marketing`
    ///     (left alone when not applied).
    /// - Returns: the draft.
    public static func draft(
        forBag index: Int, of order: VioletOrder, checked bag: CheckedBag, orderID: OrderID, placedAt: Timestamp, marketing: PreferenceResult
    ) -> OrderDraft {
        let currency = order.currency.flatMap(CurrencyCode.init(validating:))
        func amount(_ units: Int64) -> String {
            currency?.decimalText(ofMinorUnits: units) ?? String(units)
        }
        let customer = order.customer ?? VioletOrder.Customer()
        var draft = OrderDraft(
            orderID: orderID.rawValue, total: amount(bag.total), currency: order.currency, orderDate: placedAt.rfc3339,
            email: customer.email, phone: customer.phone
        )
        draft.customerID = order.appCustomerID.map { .value($0) } ?? .absent
        draft.subtotal = .value(amount(bag.subtotal))
        draft.lineItems = .value(order.bags[index].skus.map { sku in
            OrderDraft.LineItem(sku: sku.skuID, quantity: sku.quantity ?? 1, price: sku.price.map(amount))
        })
        draft.billingAddress = .value(named(order.billingAddress, customer))
        if let shipping = order.shippingAddress {
            draft.shippingAddress = .value(named(shipping, customer))
        }
        switch marketing {
        case .optIn: draft.acceptsEmailMarketing = .value(true)
        case .noOptIn: draft.acceptsEmailMarketing = .value(false)
        case .singleOptIn, .notApplied: break
        }
        return draft
    }

    /// The Violet field an ``OrderRules`` or ``ContactRules`` error about a bag's order is about.
    /// - Parameters:
    ///   - field: the error's field in `POST /v1/orders/placed` (or contact) terms.
    ///   - bag: the bag's position.
    /// - Returns: the field's path in the Violet body.
    public static func path(ofOrderField field: String, bag: Int) -> String {
        switch field {
        case "email", "phone", "first_name", "last_name": return "order.customer.\(field)"
        case "phone_number": return "order.customer.phone"
        case "currency": return "order.currency"
        case "customer_id": return "order.app_customer_id"
        case "base": return "order.customer"
        default:
            guard field.hasPrefix("line_items") else { return "order.bags[\(bag)]" }
            let line = field.dropFirst("line_items".count)
            return "order.bags[\(bag)].skus" + (line.hasSuffix(".sku") ? line + "_id" : line)
        }
    }

    private static func named(_ address: Order.Address?, _ customer: VioletOrder.Customer) -> Order.Address {
        var address = address ?? Order.Address()
        address.firstName = customer.firstName
        address.lastName = customer.lastName
        return address
    }

    private static func isPlatformByte(_ byte: UInt8) -> Bool {
        byte.isASCIILetter || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "_")
    }

    /// `price × quantity`, or `nil` out of range.
    private static func product(_ price: Int64, _ quantity: Int64) -> Int64? {
        let (value, overflow) = price.multipliedReportingOverflow(by: quantity)
        return overflow || value >= amountLimit ? nil : value
    }

    /// The exact sum, or `nil` out of range (any `nil` term makes it `nil`).
    private static func sum(of terms: [Int64?]) -> Int64? {
        var total: Int64 = 0
        for term in terms {
            guard let term else { return nil }
            let (value, overflow) = total.addingReportingOverflow(term)
            guard !overflow, value < amountLimit else { return nil }
            total = value
        }
        return total
    }

    /// Amounts stay below 10^18 minor units, within ``Money``'s 18 digits.
    private static let amountLimit: Int64 = 1_000_000_000_000_000_000
}
