public import PrivyDomain

extension RecordWriter {
    mutating func write(_ value: Money) {
        write(value.description)
    }

    mutating func write(_ value: Money?) {
        write(value?.description)
    }

    mutating func write(_ value: Order.Address?) {
        write(value != nil)
        guard let value else { return }
        for field in [value.firstName, value.lastName, value.city, value.stateCode, value.countryCode, value.postalCode] {
            write(field)
        }
    }

    mutating func write(_ value: Bool?) {
        write(UInt8(value.map { $0 ? 2 : 1 } ?? 0))
    }
}

extension RecordReader {
    mutating func read(_: Money?.Type) throws(CorruptRecord) -> Money? {
        guard let text = try read(String?.self) else { return nil }
        guard let money = Money(text) else { throw CorruptRecord(what: "money \(text)") }
        return money
    }

    mutating func read(_: Money.Type) throws(CorruptRecord) -> Money {
        let text = try read(String.self)
        guard let money = Money(text) else { throw CorruptRecord(what: "money \(text)") }
        return money
    }

    mutating func read(_: Order.Address?.Type) throws(CorruptRecord) -> Order.Address? {
        guard try read(Bool.self) else { return nil }
        return Order.Address(
            firstName: try read(String?.self), lastName: try read(String?.self), city: try read(String?.self),
            stateCode: try read(String?.self), countryCode: try read(String?.self), postalCode: try read(String?.self)
        )
    }

    mutating func read(_: Bool?.Type) throws(CorruptRecord) -> Bool? {
        switch try read(UInt8.self) {
        case 0: return nil
        case 1: return false
        case 2: return true
        default: throw CorruptRecord(what: "optional boolean")
        }
    }

    mutating func read(_: CurrencyCode.Type) throws(CorruptRecord) -> CurrencyCode {
        let text = try read(String.self)
        guard let currency = CurrencyCode(validating: text) else { throw CorruptRecord(what: "currency \(text)") }
        return currency
    }
}

extension Order {
    func writeFields(to writer: inout RecordWriter) {
        writer.write(id.rawValue)
        writer.write(email?.rawValue)
        writer.write(phone?.rawValue)
        writer.write(total)
        writer.write(currency.rawValue)
        writer.write(placedAt)
        writer.write(customerID)
        writer.write(subtotal)
        writer.write(UInt64(discounts.count))
        for discount in discounts {
            writer.write(discount.code)
            writer.write(discount.amount)
        }
        writer.write(UInt64(taxLines.count))
        for tax in taxLines {
            writer.write(tax.title)
            writer.write(tax.amount)
        }
        writer.write(totalItems)
        writer.write(financialStatus)
        writer.write(fulfillmentStatus)
        writer.write(UInt64(lineItems.count))
        for item in lineItems {
            writer.write(item.sku)
            writer.write(item.quantity)
            writer.write(item.price)
        }
        writer.write(billingAddress)
        writer.write(shippingAddress)
        writer.write(acceptsEmailMarketing)
        writer.write(acceptsSMSMarketing)
        writer.write(initialSync)
        writer.write(contactID?.rawValue)
        writer.write(integrationID)
        writer.write(createdAt)
        writer.write(updatedAt)
    }

    init(readingFields reader: inout RecordReader) throws(CorruptRecord) {
        let rawID = try reader.read(String.self)
        guard let id = OrderID(parsing: rawID) else { throw CorruptRecord(what: "order id \(rawID)") }
        let email = try reader.read(String?.self).flatMap(EmailAddress.init(validating:))
        let phone = try reader.read(String?.self).flatMap(PhoneNumber.init(validating:))
        let total = try reader.read(Money.self)
        let currency = try reader.read(CurrencyCode.self)
        let placedAt = try reader.read(Timestamp.self)
        let customerID = try reader.read(String?.self)
        let subtotal = try reader.read(Money?.self)
        var discounts: [Discount] = []
        for _ in 0..<(try reader.read(UInt64.self)) {
            discounts.append(Discount(code: try reader.read(String?.self), amount: try reader.read(Money?.self)))
        }
        var taxLines: [TaxLine] = []
        for _ in 0..<(try reader.read(UInt64.self)) {
            taxLines.append(TaxLine(title: try reader.read(String?.self), amount: try reader.read(Money?.self)))
        }
        let totalItems = try reader.read(Int64?.self)
        let financialStatus = try reader.read(String?.self)
        let fulfillmentStatus = try reader.read(String?.self)
        var lineItems: [LineItem] = []
        for _ in 0..<(try reader.read(UInt64.self)) {
            lineItems.append(LineItem(sku: try reader.read(String?.self), quantity: try reader.read(Int64?.self), price: try reader.read(Money?.self)))
        }
        self.init(
            id: id, email: email, phone: phone, total: total, currency: currency, placedAt: placedAt,
            customerID: customerID, subtotal: subtotal, discounts: discounts, taxLines: taxLines,
            totalItems: totalItems, financialStatus: financialStatus, fulfillmentStatus: fulfillmentStatus,
            lineItems: lineItems, billingAddress: try reader.read(Order.Address?.self),
            shippingAddress: try reader.read(Order.Address?.self),
            acceptsEmailMarketing: try reader.read(Bool?.self), acceptsSMSMarketing: try reader.read(Bool?.self),
            initialSync: try reader.read(Bool.self),
            contactID: try reader.read(String?.self).flatMap(ContactID.init(validating:)),
            integrationID: try reader.read(String?.self),
            createdAt: try reader.read(Timestamp.self), updatedAt: try reader.read(Timestamp.self)
        )
    }
}

extension OrderStats {
    func writeFields(to writer: inout RecordWriter) {
        writer.write(UInt64(totalSpent.count))
        for spend in totalSpent {
            writer.write(spend.currency.rawValue)
            writer.write(spend.amount)
            writer.write(spend.orders)
        }
        writer.write(firstOrderAt)
        writer.write(lastOrderAt)
    }

    init(readingFields reader: inout RecordReader) throws(CorruptRecord) {
        var spends: [Spend] = []
        for _ in 0..<(try reader.read(UInt64.self)) {
            spends.append(Spend(currency: try reader.read(CurrencyCode.self), amount: try reader.read(Money.self), orders: try reader.read(Int.self)))
        }
        self.init(totalSpent: spends, firstOrderAt: try reader.read(Timestamp?.self), lastOrderAt: try reader.read(Timestamp?.self))
    }
}

extension Order: StoredRecord {
    static let table = "orders"

    var sizeHint: Int { 256 }

    /// ``StoredRecord/encoded()``, public for Benchmarks/.
    public func encoded() -> [UInt8] {
        RecordWriter.encode(self)
    }

    /// ``StoredRecord/init(decoding:)``, public for Benchmarks/.
    public init(decoding bytes: UnsafeRawBufferPointer) throws(CorruptRecord) {
        self = try RecordReader.decode(Self.self, from: bytes)
    }
}

extension OrderStats: StoredRecord {
    static let table = "order_stats"

    var sizeHint: Int { 64 }
}
