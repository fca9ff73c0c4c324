import PrivyDomain
import PrivyJSON
import PrivyStore

extension JSONWriter {
    /// Writes the answer to `POST /api/orders` in Violet's shape, unwrapped: the order with
    /// each bag's order id, platform, linked contact and
    /// `communication_preferences.email_preferences.<kind> = {"requested", "result"}`.
    mutating func violetOrder(_ order: VioletOrder, bags: [VioletBagResult]) {
        beginObject()
        key("app_order_id"); optionalString(order.appOrderID)
        key("customer")
        beginObject()
        key("first_name"); optionalString(order.customer?.firstName)
        key("last_name"); optionalString(order.customer?.lastName)
        key("email"); optionalString(order.customer?.email)
        key("phone"); optionalString(order.customer?.phone)
        endObject()
        key("currency"); optionalString(bags.first?.order.currency.rawValue ?? order.currency)
        key("bags")
        beginArray()
        for result in bags {
            violetBag(result)
        }
        endArray()
        endObject()
    }

    private mutating func violetBag(_ result: VioletBagResult) {
        beginObject()
        key("id"); number(JSONNumber(result.order.id.rawValue)!)
        key("platform"); string(result.bag.platform)
        key("contact_id"); optionalString(result.order.contactID?.rawValue)
        key("communication_preferences")
        beginObject()
        key("email_preferences")
        beginObject()
        for kind in EmailPreferenceKind.allCases {
            let preference = result.bag.preferences[kind]
            key(kind.rawValue)
            beginObject()
            key("requested"); optionalString(preference?.requested?.rawValue)
            key("result"); string((preference?.result ?? .notApplied).rawValue)
            endObject()
        }
        endObject()
        endObject()
        endObject()
    }
}
