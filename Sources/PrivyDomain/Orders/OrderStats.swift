/// A contact's order figures, kept exact under replays, updates and orders that move between
/// contacts.
public struct OrderStats: Sendable, Hashable {
    /// The spend in one currency.
    public struct Spend: Sendable, Hashable {
        /// The currency.
        public var currency: CurrencyCode
        /// The sum of the totals of the orders in this currency.
        public var amount: Money
        /// How many orders are in this currency.
        public var orders: Int

        public init(currency: CurrencyCode, amount: Money, orders: Int) {
            self.currency = currency
            self.amount = amount
            self.orders = orders
        }
    }

    /// How many orders are linked to the contact.
    public var ordersCount: Int {
        totalSpent.reduce(0) { $0 + $1.orders }
    }
    /// The spend per currency, in currency order; a currency leaves when its last order does.
    public var totalSpent: [Spend]
    /// The earliest `order_date`.
    public var firstOrderAt: Timestamp?
    /// The latest `order_date`.
    public var lastOrderAt: Timestamp?

    /// No orders.
    public static let empty = OrderStats(totalSpent: [], firstOrderAt: nil, lastOrderAt: nil)

    /// Creates figures.
    public init(totalSpent: [Spend], firstOrderAt: Timestamp?, lastOrderAt: Timestamp?) {
        self.totalSpent = totalSpent
        self.firstOrderAt = firstOrderAt
        self.lastOrderAt = lastOrderAt
    }

    /// Adds one order's total to the figures.
    /// - Returns: `nil` if the sum leaves the money range.
    public func adding(_ total: Money, in currency: CurrencyCode) -> OrderStats? {
        var stats = self
        if let index = totalSpent.firstIndex(where: { $0.currency == currency }) {
            guard let amount = totalSpent[index].amount.adding(total) else { return nil }
            stats.totalSpent[index].amount = amount
            stats.totalSpent[index].orders += 1
        } else {
            stats.totalSpent.append(Spend(currency: currency, amount: total, orders: 1))
            stats.totalSpent.sort { $0.currency < $1.currency }
        }
        return stats
    }

    /// Removes one order's total from the figures (the order moved away or changed).
    /// - Returns: `nil` if the figures never counted such an order.
    public func removing(_ total: Money, in currency: CurrencyCode) -> OrderStats? {
        guard let index = totalSpent.firstIndex(where: { $0.currency == currency }),
              let amount = totalSpent[index].amount.subtracting(total)
        else { return nil }
        var stats = self
        if totalSpent[index].orders == 1 {
            stats.totalSpent.remove(at: index)
        } else {
            stats.totalSpent[index].amount = amount
            stats.totalSpent[index].orders -= 1
        }
        return stats
    }
}
