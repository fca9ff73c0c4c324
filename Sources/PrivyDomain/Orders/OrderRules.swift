/// The rules of `POST /v1/orders/placed`: required fields, exact money, and the idempotent
/// upsert in which an omitted optional field keeps its stored value.
public enum OrderRules {
    /// The longest free-text field (statuses, SKUs, codes, names), in characters.
    public static let maximumTextLength = 255
    /// The most discounts, tax lines or line items on one order.
    public static let maximumListCount = 500

    /// Validates `draft` and merges it over `existing` (the stored order with the same id, if
    /// any): ``check(_:)``, then the merge of the checked draft.
    /// - Parameters:
    ///   - draft: the request.
    ///   - existing: the stored order, for an update.
    ///   - now: the time of the write.
    /// - Returns: the order to store (without linkage: callers set `contactID` and
    ///   `integrationID`), or every broken rule.
    public static func upsert(_ draft: OrderDraft, over existing: Order?, now: Timestamp) -> Result<Order, ValidationFailure> {
        upsert(check(draft), over: existing, now: now)
    }

    /// Parses every field of `draft` and applies every rule that needs no stored order. Runs
    /// before the write is queued, so the writer only merges the result over the stored order.
    /// - Parameter draft: the request.
    /// - Returns: the parsed fields and the rules they broke, in the order the rules check them.
    public static func check(_ draft: OrderDraft) -> CheckedOrderDraft {
        var errors: [FieldError] = []
        let id = required(draft.orderID, "order_id", &errors) { OrderID(parsing: $0) } message: { _ in "must be a positive integer" }
        let total = required(draft.total, "total", &errors, parse: nonNegativeMoney, message: moneyMessage)
        let currency = required(draft.currency, "currency", &errors) { CurrencyCode(validating: $0) } message: { _ in "must be an ISO 4217 currency code, e.g. USD" }
        let placedAt = required(draft.orderDate, "order_date", &errors) { Timestamp(rfc3339: $0) } message: { _ in "must be an RFC 3339 date-time, e.g. 2026-06-22T10:00:00Z" }
        let email = draft.email.flatMap { text -> EmailAddress? in
            EmailAddress(validating: text) ?? reject("email", EmailAddress.invalidMessage, &errors)
        }
        let phone = draft.phone.flatMap { text -> PhoneNumber? in
            PhoneNumber(validating: text) ?? reject("phone", PhoneNumber.invalidMessage, &errors)
        }
        if draft.email == nil && draft.phone == nil {
            errors.append(FieldError(field: "base", message: "email or phone is required"))
        }
        let customerID = draft.customerID.checked { bounded($0, "customer_id", &errors) }
        let subtotal = draft.subtotal.checked { text in
            nonNegativeMoney(text) ?? reject("subtotal", moneyMessage(text), &errors)
        }
        let discounts = list(draft.discounts, "discounts", &errors) { discount, field, errors in
            Order.Discount(
                code: bounded(discount.code, "\(field).code", &errors),
                amount: discount.amount.flatMap { nonNegativeMoney($0) ?? reject("\(field).amount", moneyMessage($0), &errors) }
            )
        }
        let taxLines = list(draft.taxLines, "tax_lines", &errors) { tax, field, errors in
            Order.TaxLine(
                title: bounded(tax.title, "\(field).title", &errors),
                amount: tax.amount.flatMap { nonNegativeMoney($0) ?? reject("\(field).amount", moneyMessage($0), &errors) }
            )
        }
        let lineItems = list(draft.lineItems, "line_items", &errors) { item, field, errors in
            Order.LineItem(
                sku: bounded(item.sku, "\(field).sku", &errors),
                quantity: item.quantity.flatMap { $0 >= 0 ? $0 : reject("\(field).quantity", "must not be negative", &errors) },
                price: item.price.flatMap { nonNegativeMoney($0) ?? reject("\(field).price", moneyMessage($0), &errors) }
            )
        }
        let totalItems = draft.totalItems.checked { count in
            count >= 0 ? count : reject("total_items", "must not be negative", &errors)
        }
        let financialStatus = draft.financialStatus.checked { bounded($0, "financial_status", &errors) }
        let fulfillmentStatus = draft.fulfillmentStatus.checked { bounded($0, "fulfillment_status", &errors) }
        return CheckedOrderDraft(
            orderID: id, total: total, currency: currency, placedAt: placedAt, email: email, phone: phone,
            customerID: customerID, subtotal: subtotal, discounts: discounts, taxLines: taxLines, lineItems: lineItems,
            totalItems: totalItems, financialStatus: financialStatus, fulfillmentStatus: fulfillmentStatus,
            billingAddress: draft.billingAddress, shippingAddress: draft.shippingAddress,
            acceptsEmailMarketing: draft.acceptsEmailMarketing, acceptsSMSMarketing: draft.acceptsSMSMarketing,
            initialSync: draft.initialSync, hasPhone: draft.phone != nil, errors: errors
        )
    }

    /// Merges a checked request over `existing` (the stored order with the same id, if any): an
    /// omitted optional field keeps its stored value. The one rule that needs the stored order
    /// (a stored SMS opt-in needs the request's phone) is applied here.
    /// - Parameters:
    ///   - checked: the request, from ``check(_:)``.
    ///   - existing: the stored order, for an update.
    ///   - now: the time of the write.
    /// - Returns: the order to store (without linkage: callers set `contactID` and
    ///   `integrationID`), or every broken rule.
    public static func upsert(_ checked: CheckedOrderDraft, over existing: Order?, now: Timestamp) -> Result<Order, ValidationFailure> {
        var errors = checked.errors
        var order = existing ?? Order(
            id: checked.orderID ?? OrderID(parsing: "1")!, email: nil, phone: nil, total: .zero,
            currency: checked.currency ?? CurrencyCode(validating: "USD")!, placedAt: now, createdAt: now, updatedAt: now
        )
        order.customerID = checked.customerID.merged(over: order.customerID)
        order.subtotal = checked.subtotal.merged(over: order.subtotal)
        order.discounts = checked.discounts.applied(to: order.discounts, clearing: []) { $0 }
        order.taxLines = checked.taxLines.applied(to: order.taxLines, clearing: []) { $0 }
        order.lineItems = checked.lineItems.applied(to: order.lineItems, clearing: []) { $0 }
        order.totalItems = checked.totalItems.merged(over: order.totalItems)
        order.financialStatus = checked.financialStatus.merged(over: order.financialStatus)
        order.fulfillmentStatus = checked.fulfillmentStatus.merged(over: order.fulfillmentStatus)
        order.billingAddress = checked.billingAddress.merged(over: order.billingAddress)
        order.shippingAddress = checked.shippingAddress.merged(over: order.shippingAddress)
        order.acceptsEmailMarketing = checked.acceptsEmailMarketing.merged(over: order.acceptsEmailMarketing)
        order.acceptsSMSMarketing = checked.acceptsSMSMarketing.merged(over: order.acceptsSMSMarketing)
        order.initialSync = checked.initialSync.merged(over: order.initialSync) ?? false
        if order.acceptsSMSMarketing == true && !checked.hasPhone {
            errors.append(FieldError(field: "accepts_sms_marketing", message: "requires phone"))
        }
        guard errors.isEmpty, let id = checked.orderID, let total = checked.total, let currency = checked.currency, let placedAt = checked.placedAt else {
            return .failure(ValidationFailure(details: errors))
        }
        order.id = id
        order.email = checked.email
        order.phone = checked.phone
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

    /// A list field checked element by element; more than ``maximumListCount`` entries is an
    /// error, and the field is then left as stored.
    private static func list<Element, Stored>(
        _ value: PatchValue<[Element]>, _ field: String, _ errors: inout [FieldError],
        _ transform: (Element, String, inout [FieldError]) -> Stored
    ) -> PatchValue<[Stored]> {
        switch value {
        case .absent: return .absent
        case .null: return .null
        case .value(let elements):
            guard elements.count <= maximumListCount else {
                return reject(field, "must have at most \(maximumListCount) entries", &errors) ?? .absent
            }
            return .value(elements.enumerated().map { index, element in transform(element, "\(field)[\(index)]", &errors) })
        }
    }
}
