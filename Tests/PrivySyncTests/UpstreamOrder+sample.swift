import PrivyDomain
import PrivyStore

extension UpstreamOrder {
    /// A minimal order, linked to `contactID`, for planning and scheduling tests.
    static func sample(_ id: String = "1", contactID: ContactID?, at now: Timestamp) -> UpstreamOrder {
        UpstreamOrder(Order(
            id: OrderID(parsing: id)!, email: nil, phone: nil, total: Money("10.00")!, currency: CurrencyCode(validating: "USD")!,
            placedAt: now, contactID: contactID, createdAt: now, updatedAt: now
        ))
    }
}
