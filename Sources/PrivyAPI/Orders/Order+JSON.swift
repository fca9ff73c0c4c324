import PrivyDomain
import PrivyJSON

extension OrderDraft {
    /// Reads a `POST /v1/orders/placed` body.
    /// - Throws: 400 naming every field of the wrong JSON type.
    init(json object: JSONObject) throws {
        var fields = BodyFields(object)
        self.init(
            orderID: fields.numberOrString("order_id").valueOrNil,
            total: fields.numberOrString("total").valueOrNil,
            currency: fields.string("currency").valueOrNil,
            orderDate: fields.string("order_date").valueOrNil,
            email: fields.string("email").valueOrNil,
            phone: fields.string("phone").valueOrNil
        )
        customerID = fields.numberOrString("customer_id")
        subtotal = fields.numberOrString("subtotal")
        discounts = fields.objects("discounts") { discount in
            Discount(code: discount.string("code").valueOrNil, amount: discount.numberOrString("amount").valueOrNil)
        }
        taxLines = fields.objects("tax_lines") { tax in
            TaxLine(title: tax.string("title").valueOrNil, amount: tax.numberOrString("amount").valueOrNil)
        }
        totalItems = fields.integer("total_items")
        financialStatus = fields.string("financial_status")
        fulfillmentStatus = fields.string("fulfillment_status")
        lineItems = fields.objects("line_items") { item in
            LineItem(sku: item.string("sku").valueOrNil, quantity: item.integer("quantity").valueOrNil, price: item.numberOrString("price").valueOrNil)
        }
        billingAddress = fields.object("billing_address", Order.Address.init(fields:))
        shippingAddress = fields.object("shipping_address", Order.Address.init(fields:))
        acceptsEmailMarketing = fields.flag("accepts_email_marketing")
        acceptsSMSMarketing = fields.flag("accepts_sms_marketing")
        initialSync = fields.flag("initial_sync")
        try fields.finish()
    }
}

extension Order.Address {
    init(fields: inout BodyFields) {
        self.init(
            firstName: fields.string("first_name").valueOrNil,
            lastName: fields.string("last_name").valueOrNil,
            city: fields.string("city").valueOrNil,
            stateCode: fields.string("state_code").valueOrNil,
            countryCode: fields.string("country_code").valueOrNil,
            postalCode: fields.string("postal_code").valueOrNil
        )
    }
}

extension JSONWriter {
    /// Writes an order as Privy answers `POST /v1/orders/placed`, plus its links.
    mutating func order(_ order: Order) {
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
        key("total_items")
        if let totalItems = order.totalItems { int(totalItems) } else { null() }
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
    mutating func orderStats(_ stats: OrderStats) {
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

    /// Writes a boolean or `null`.
    mutating func optionalBool(_ value: Bool?) {
        if let value { bool(value) } else { null() }
    }
}
