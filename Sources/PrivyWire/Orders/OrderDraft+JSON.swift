public import PrivyDomain
public import PrivyJSON

extension OrderDraft {
    /// Reads a `POST /v1/orders/placed` body (and a line of an order-history import).
    /// - Parameter object: the body.
    /// - Throws: ``WrongFieldTypes`` naming every field of the wrong JSON type.
    public init(json object: JSONObject) throws {
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
    /// Reads a Privy address: `first_name`, `last_name`, `city`, `state_code`, `country_code`,
    /// `postal_code`.
    /// - Parameter fields: the address object.
    public init(fields: inout BodyFields) {
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
