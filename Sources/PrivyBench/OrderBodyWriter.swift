import NIOCore

/// Writes `POST /v1/orders/placed` bodies of about 400 bytes: customer email and phone (so
/// linkage runs), a line item, a billing name. Everything derives from the order's index, so an
/// update repeats the order's customer, items and total and moves it along (it is fulfilled).
struct OrderBodyWriter: Sendable {
    /// The `order_id` of index 0; indexes count up from it.
    let idBase: Int
    let customers: CustomerPool

    /// The customer who placed order `index`: drawn from the pool by the order's id, which is
    /// unique to this run, so a repeated run against one store (as `make bench-scale` does at each
    /// size) meets customers it has not seen rather than the previous run's again.
    func customer(of index: Int) -> Int {
        Int(SplitMix64.mix(UInt64(idBase + index)) % UInt64(customers.count))
    }

    /// Writes order `index`, as placed or (`update`) as fulfilled later.
    func write(index: Int, update: Bool, into buffer: inout ByteBuffer) {
        let mix = SplitMix64.mix(UInt64(index) &+ 0x5EED)
        let customer = customer(of: index)
        let quantity = 1 + Int((mix >> 20) % 3)
        let price = 500 + Int((mix >> 24) % 9_500)
        let secondOfDay = index % 86_400
        buffer.writeStaticString("{\"order_id\":")
        buffer.writeDecimal(idBase + index)
        buffer.writeStaticString(",\"total\":")
        buffer.writeMoney(cents: price * quantity)
        buffer.writeStaticString(",\"currency\":\"USD\",\"order_date\":\"2026-06-22T")
        buffer.writeDecimal(secondOfDay / 3_600, minimumDigits: 2)
        buffer.writeStaticString(":")
        buffer.writeDecimal(secondOfDay / 60 % 60, minimumDigits: 2)
        buffer.writeStaticString(":")
        buffer.writeDecimal(secondOfDay % 60, minimumDigits: 2)
        buffer.writeStaticString("Z\",\"email\":")
        customers.writeEmail(of: customer, into: &buffer)
        buffer.writeStaticString(",\"phone\":")
        customers.writePhone(of: customer, into: &buffer)
        buffer.writeStaticString(update ? ",\"financial_status\":\"paid\",\"fulfillment_status\":\"fulfilled\",\"total_items\":"
            : ",\"financial_status\":\"paid\",\"fulfillment_status\":\"unfulfilled\",\"total_items\":")
        buffer.writeDecimal(quantity)
        buffer.writeStaticString(",\"line_items\":[{\"sku\":\"SKU-")
        buffer.writeDecimal(Int((mix >> 40) % 10_000), minimumDigits: 4)
        buffer.writeStaticString("\",\"quantity\":")
        buffer.writeDecimal(quantity)
        buffer.writeStaticString(",\"price\":")
        buffer.writeMoney(cents: price)
        buffer.writeStaticString("}],\"billing_address\":{")
        customers.writeName(of: customer, into: &buffer)
        buffer.writeStaticString(",\"country_code\":\"US\"},\"accepts_email_marketing\":")
        buffer.writeStaticString(mix & 3 == 0 ? "true}" : "false}")
    }
}
