public import PrivyDomain
import PrivyJSON

extension Order {
    /// The order as Privy's `POST /v1/orders/placed` takes it: every field a client can send,
    /// `initial_sync` preserved. The exporter places orders upstream with it.
    /// - Returns: the JSON body.
    public func placedBody() -> [UInt8] {
        var writer = JSONWriter()
        writer.reserveCapacity(512)
        writer.beginObject()
        writer.key("order_id"); writer.number(JSONNumber(id.rawValue)!)
        writer.key("total"); writer.string(total.description)
        writer.key("currency"); writer.string(currency.rawValue)
        writer.key("order_date"); writer.string(placedAt.rfc3339)
        writer.field("email", email?.rawValue)
        writer.field("phone", phone?.rawValue)
        writer.field("customer_id", customerID)
        writer.field("subtotal", subtotal?.description)
        writer.objects("discounts", discounts) { writer, discount in
            writer.field("code", discount.code)
            writer.field("amount", discount.amount?.description)
        }
        writer.objects("tax_lines", taxLines) { writer, tax in
            writer.field("title", tax.title)
            writer.field("amount", tax.amount?.description)
        }
        writer.field("total_items", totalItems)
        writer.field("financial_status", financialStatus)
        writer.field("fulfillment_status", fulfillmentStatus)
        writer.objects("line_items", lineItems) { writer, item in
            writer.field("sku", item.sku)
            writer.field("quantity", item.quantity)
            writer.field("price", item.price?.description)
        }
        for (name, address) in [("billing_address", billingAddress), ("shipping_address", shippingAddress)] {
            guard let address else { continue }
            writer.key(name)
            writer.beginObject()
            writer.field("first_name", address.firstName)
            writer.field("last_name", address.lastName)
            writer.field("city", address.city)
            writer.field("state_code", address.stateCode)
            writer.field("country_code", address.countryCode)
            writer.field("postal_code", address.postalCode)
            writer.endObject()
        }
        writer.field("accepts_email_marketing", acceptsEmailMarketing)
        writer.field("accepts_sms_marketing", acceptsSMSMarketing)
        writer.key("initial_sync"); writer.bool(initialSync)
        writer.endObject()
        return writer.bytes
    }
}

extension JSONWriter {
    /// Writes `name: [{…}, …]`, each object's members by `write`, when there are elements.
    fileprivate mutating func objects<Element>(_ name: String, _ elements: [Element], _ write: (inout JSONWriter, Element) -> Void) {
        guard !elements.isEmpty else { return }
        key(name)
        beginArray()
        for element in elements {
            beginObject()
            write(&self, element)
            endObject()
        }
        endArray()
    }

    /// Writes `name: value` when there is a value.
    fileprivate mutating func field(_ name: String, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    /// Writes `name: value` when there is a value.
    fileprivate mutating func field(_ name: String, _ value: Int64?) {
        guard let value else { return }
        key(name)
        int(value)
    }

    /// Writes `name: value` when there is a value.
    fileprivate mutating func field(_ name: String, _ value: Bool?) {
        guard let value else { return }
        key(name)
        bool(value)
    }
}
