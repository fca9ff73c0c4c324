public import PrivyDomain
public import PrivyJSON

extension JSONWriter {
    /// Writes an order as Privy answers `POST /v1/orders/placed`, plus its links.
    /// - Parameter order: the order.
    public mutating func order(_ order: Order) {
        beginObject()
        key("order_id"); number(JSONNumber(order.id.rawValue)!)
        key("source"); string("api")
        key("email"); optionalString(order.email?.rawValue)
        key("phone"); optionalString(order.phone?.rawValue)
        key("total_amount"); string(order.total.description)
        key("currency_code"); string(order.currency.rawValue)
        key("placed_at"); string(order.placedAt.rfc3339)
        key("financial_status"); optionalString(order.financialStatus)
        key("fulfillment_status"); optionalString(order.fulfillmentStatus)
        key("customer_id"); optionalString(order.customerID)
        key("total_items"); optionalInt(order.totalItems)
        key("accepts_email_marketing"); optionalBool(order.acceptsEmailMarketing)
        key("accepts_sms_marketing"); optionalBool(order.acceptsSMSMarketing)
        key("initial_sync"); bool(order.initialSync)
        key("contact_id"); optionalString(order.contactID?.rawValue)
        key("integration_id"); optionalString(order.integrationID)
        key("created_at"); string(order.createdAt.rfc3339)
        key("updated_at"); string(order.updatedAt.rfc3339)
        endObject()
    }

    /// Writes a contact's order figures.
    /// - Parameter stats: the figures.
    public mutating func orderStats(_ stats: OrderStats) {
        beginObject()
        key("orders_count"); int(stats.ordersCount)
        key("total_spent")
        beginObject()
        for spend in stats.totalSpent {
            key(spend.currency.rawValue)
            string(spend.amount.description)
        }
        endObject()
        key("first_order_at"); optionalString(stats.firstOrderAt?.rfc3339)
        key("last_order_at"); optionalString(stats.lastOrderAt?.rfc3339)
        endObject()
    }
}
