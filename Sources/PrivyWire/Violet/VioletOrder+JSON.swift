public import PrivyDomain
public import PrivyJSON

extension VioletOrder {
    /// Reads a `POST /api/orders` body, `{"order": {…}}`. Fields the appliance does not use
    /// (payment, shipping method label, …) are ignored; `communication_preferences` is a closed
    /// shape.
    /// - Parameter object: the body.
    /// - Throws: ``WrongFieldTypes`` naming every field of the wrong JSON type, every malformed
    ///   preference (unknown key or value other than `OPT_IN`/`NO_OPT_IN`), and a missing `order`.
    public init(json object: JSONObject) throws {
        var fields = BodyFields(object)
        let order = fields.requiredObject("order", VioletOrder.init(fields:))
        try fields.finish()
        self = order ?? VioletOrder()
    }

    private init(fields: inout BodyFields) {
        self.init(
            appOrderID: fields.numberOrString("app_order_id").valueOrNil,
            appCustomerID: fields.numberOrString("app_customer_id").valueOrNil,
            customer: fields.object("customer", Customer.init(fields:)).valueOrNil,
            currency: fields.string("currency").valueOrNil,
            bags: fields.objects("bags", Bag.init(fields:)).valueOrNil ?? [],
            billingAddress: fields.object("billing_address", Order.Address.init(violetFields:)).valueOrNil,
            shippingAddress: fields.object("shipping_address", Order.Address.init(violetFields:)).valueOrNil
        )
    }
}

extension VioletOrder.Customer {
    fileprivate init(fields: inout BodyFields) {
        self.init(
            firstName: fields.string("first_name").valueOrNil,
            lastName: fields.string("last_name").valueOrNil,
            email: fields.string("email").valueOrNil,
            phone: fields.string("phone").valueOrNil
        )
    }
}

extension VioletOrder.Bag {
    fileprivate init(fields: inout BodyFields) {
        self.init(
            skus: fields.objects("skus", VioletOrder.SKU.init(fields:)).valueOrNil ?? [],
            platform: fields.string("platform").valueOrNil,
            shippingPrice: fields.object("shipping_method") { $0.integer("price").valueOrNil }.valueOrNil ?? nil,
            taxTotal: fields.integer("tax_total").valueOrNil,
            preferences: fields.object("communication_preferences") { communication in
                communication.rejectUnknownKeys(except: ["email_preferences"])
                return communication.object("email_preferences", Self.emailPreferences(fields:)).valueOrNil ?? [:]
            }.valueOrNil ?? [:]
        )
    }

    /// `email_preferences`: only the kinds sent.
    private static func emailPreferences(fields: inout BodyFields) -> [EmailPreferenceKind: PreferenceRequest] {
        fields.rejectUnknownKeys(except: EmailPreferenceKind.allCases.map(\.rawValue))
        var preferences: [EmailPreferenceKind: PreferenceRequest] = [:]
        for kind in EmailPreferenceKind.allCases {
            preferences[kind] = fields.choice(kind.rawValue, PreferenceRequest.self)
        }
        return preferences
    }
}

extension VioletOrder.SKU {
    fileprivate init(fields: inout BodyFields) {
        self.init(
            skuID: fields.numberOrString("sku_id").valueOrNil,
            quantity: fields.integer("quantity").valueOrNil,
            price: fields.integer("price").valueOrNil
        )
    }
}

extension Order.Address {
    /// A Violet address: `city`, `state`, `country`, `postal_code` (street lines are not kept).
    fileprivate init(violetFields fields: inout BodyFields) {
        self.init(
            city: fields.string("city").valueOrNil,
            stateCode: fields.string("state").valueOrNil,
            countryCode: fields.string("country").valueOrNil,
            postalCode: fields.string("postal_code").valueOrNil
        )
    }
}
