/// An order request with each field parsed and checked by every rule that needs no stored
/// order (``OrderRules/check(_:)``): made before the write is queued, so the writer only
/// merges it over the stored order (`OrderRules.upsert(_:over:now:)` with the checked draft).
public struct CheckedOrderDraft: Sendable {
    /// The order id, if it parsed: the key of the stored order to merge over.
    public let orderID: OrderID?
    let total: Money?
    let currency: CurrencyCode?
    let placedAt: Timestamp?
    let email: EmailAddress?
    let phone: PhoneNumber?
    let customerID: PatchValue<String>
    let subtotal: PatchValue<Money>
    let discounts: PatchValue<[Order.Discount]>
    let taxLines: PatchValue<[Order.TaxLine]>
    let lineItems: PatchValue<[Order.LineItem]>
    let totalItems: PatchValue<Int64>
    let financialStatus: PatchValue<String>
    let fulfillmentStatus: PatchValue<String>
    let billingAddress: PatchValue<Order.Address>
    let shippingAddress: PatchValue<Order.Address>
    let acceptsEmailMarketing: PatchValue<Bool>
    let acceptsSMSMarketing: PatchValue<Bool>
    let initialSync: PatchValue<Bool>
    /// Whether the request named a phone (an SMS opt-in, sent or stored, needs one).
    let hasPhone: Bool
    /// The rules the request broke, in the order ``OrderRules`` checks them.
    let errors: [FieldError]
}
