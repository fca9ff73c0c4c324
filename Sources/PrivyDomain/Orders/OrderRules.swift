/// The rules of `POST /v1/orders/placed`: required fields, exact money, and the idempotent
/// upsert in which an omitted optional field keeps its stored value.
public enum OrderRules {
    /// The longest free-text field (statuses, SKUs, codes, names), in characters.
    public static let maximumTextLength = 255
    /// The most discounts, tax lines or line items on one order.
    public static let maximumListCount = 500

    /// Validates `draft` and merges it over `existing` (the stored order with the same id, if any).
    /// - Parameters:
    ///   - draft: the request.
    ///   - existing: the stored order, for an update.
    ///   - now: the time of the write.
    /// - Returns: the order to store (without linkage: callers set `contactID` and
    ///   `integrationID`), or every broken rule.
    public static func upsert(_ draft: OrderDraft, over existing: Order?, now: Timestamp) -> Result<Order, ValidationFailure> {
        var errors: [FieldError] = []
        let id = required(draft.orderID, "order_id", &errors) { OrderID(parsing: $0) } message: { _ in "must be a positive integer" }
        let total = required(draft.total, "total", &errors, parse: nonNegativeMoney, message: moneyMessage)
        let currency = required(draft.currency, "currency", &errors) { CurrencyCode(validating: $0) } message: { _ in "must be an ISO 4217 currency code, e.g. USD" }
        let placedAt = required(draft.orderDate, "order_date", &errors) { Timestamp(rfc3339: $0) } message: { _ in "must be an RFC 3339 date-time, e.g. 2026-06-22T10:00:00Z" }
        let email = draft.email.flatMap { text -> EmailAddress? in
            guard let email = EmailAddress(validating: text) else {
                errors.append(FieldError(field: "email", message: EmailAddress.invalidMessage))
                return nil
            }
            return email
        }
        let phone = draft.phone.flatMap { text -> PhoneNumber? in
            guard let phone = PhoneNumber(validating: text) else {
                errors.append(FieldError(field: "phone", message: PhoneNumber.invalidMessage))
                return nil
            }
            return phone
        }
        if draft.email == nil && draft.phone == nil {
            errors.append(FieldError(field: "base", message: "email or phone is required"))
        }
        var order = existing ?? Order(
            id: id ?? OrderID(parsing: "1")!, email: nil, phone: nil, total: .zero, currency: currency ?? CurrencyCode(validating: "USD")!,
            placedAt: now, createdAt: now, updatedAt: now
        )
        order.customerID = text(draft.customerID, "customer_id", current: order.customerID, &errors)
        order.subtotal = merge(draft.subtotal, current: order.subtotal) { text in
            nonNegativeMoney(text) ?? reject("subtotal", moneyMessage(text), &errors)
        }
        order.discounts = list(draft.discounts, "discounts", current: order.discounts, &errors) { discount, field, errors in
            Order.Discount(
                code: bounded(discount.code, "\(field).code", &errors),
                amount: discount.amount.flatMap { nonNegativeMoney($0) ?? reject("\(field).amount", moneyMessage($0), &errors) }
            )
        }
        order.taxLines = list(draft.taxLines, "tax_lines", current: order.taxLines, &errors) { tax, field, errors in
            Order.TaxLine(
                title: bounded(tax.title, "\(field).title", &errors),
                amount: tax.amount.flatMap { nonNegativeMoney($0) ?? reject("\(field).amount", moneyMessage($0), &errors) }
            )
        }
        order.lineItems = list(draft.lineItems, "line_items", current: order.lineItems, &errors) { item, field, errors in
            Order.LineItem(
                sku: bounded(item.sku, "\(field).sku", &errors),
                quantity: item.quantity.flatMap { $0 >= 0 ? $0 : reject("\(field).quantity", "must not be negative", &errors) },
                price: item.price.flatMap { nonNegativeMoney($0) ?? reject("\(field).price", moneyMessage($0), &errors) }
            )
        }
        order.totalItems = merge(draft.totalItems, current: order.totalItems) { count in
            count >= 0 ? count : reject("total_items", "must not be negative", &errors)
        }
        order.financialStatus = text(draft.financialStatus, "financial_status", current: order.financialStatus, &errors)
        order.fulfillmentStatus = text(draft.fulfillmentStatus, "fulfillment_status", current: order.fulfillmentStatus, &errors)
        order.billingAddress = merge(draft.billingAddress, current: order.billingAddress) { $0 }
        order.shippingAddress = merge(draft.shippingAddress, current: order.shippingAddress) { $0 }
        order.acceptsEmailMarketing = merge(draft.acceptsEmailMarketing, current: order.acceptsEmailMarketing) { $0 }
        order.acceptsSMSMarketing = merge(draft.acceptsSMSMarketing, current: order.acceptsSMSMarketing) { $0 }
        order.initialSync = merge(draft.initialSync, current: order.initialSync) { $0 } ?? false
        if order.acceptsSMSMarketing == true && draft.phone == nil {
            errors.append(FieldError(field: "accepts_sms_marketing", message: "requires phone"))
        }
        guard errors.isEmpty, let id, let total, let currency, let placedAt else {
            return .failure(ValidationFailure(details: errors))
        }
        order.id = id
        order.email = email
        order.phone = phone
        order.total = total
        order.currency = currency
        order.placedAt = placedAt
        if order != existing {
            order.updatedAt = now
        }
        return .success(order)
    }

    private static func nonNegativeMoney(_ text: String) -> Money? {
        guard let money = Money(text), !text.hasPrefix("-") else { return nil }
        return money
    }

    private static func moneyMessage(_ text: String) -> String {
        text.hasPrefix("-") ? "must not be negative" : "must be a decimal amount, e.g. \"95.00\""
    }

    private static func reject<T>(_ field: String, _ message: String, _ errors: inout [FieldError]) -> T? {
        errors.append(FieldError(field: field, message: message))
        return nil
    }

    private static func required<T>(
        _ text: String?, _ field: String, _ errors: inout [FieldError],
        parse: (String) -> T?, message: (String) -> String
    ) -> T? {
        guard let text else { return reject(field, "is required", &errors) }
        return parse(text) ?? reject(field, message(text), &errors)
    }

    private static func bounded(_ text: String?, _ field: String, _ errors: inout [FieldError]) -> String? {
        guard let text else { return nil }
        return text.count <= maximumTextLength ? text : reject(field, "must be at most \(maximumTextLength) characters", &errors)
    }

    private static func text(_ value: PatchValue<String>, _ field: String, current: String?, _ errors: inout [FieldError]) -> String? {
        merge(value, current: current) { bounded($0, field, &errors) }
    }

    private static func merge<Wrapped, Value>(_ value: PatchValue<Wrapped>, current: Value?, _ transform: (Wrapped) -> Value?) -> Value? {
        switch value {
        case .absent: current
        case .null: nil
        case .value(let wrapped): transform(wrapped)
        }
    }

    private static func list<Element, Stored>(
        _ value: PatchValue<[Element]>, _ field: String, current: [Stored], _ errors: inout [FieldError],
        _ transform: (Element, String, inout [FieldError]) -> Stored
    ) -> [Stored] {
        switch value {
        case .absent: return current
        case .null: return []
        case .value(let elements):
            guard elements.count <= maximumListCount else {
                return reject(field, "must have at most \(maximumListCount) entries", &errors) ?? current
            }
            return elements.enumerated().map { index, element in transform(element, "\(field)[\(index)]", &errors) }
        }
    }
}
