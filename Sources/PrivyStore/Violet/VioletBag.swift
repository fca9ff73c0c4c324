import Crypto
public import PrivyDomain

/// A Violet bag as stored: the order it became and its requested and resolved email
/// preferences. Keyed by `app_order_id` and the bag's position, so a resubmission of the same
/// order finds the same orders.
public struct VioletBag: Sendable, Hashable {
    /// The channel's `app_order_id`.
    public var appOrderID: String
    /// The bag's position in the order.
    public var index: Int
    /// The order the bag became.
    public var orderID: OrderID
    /// The bag's platform, e.g. `SHOPIFY`.
    public var platform: String
    /// Every kind of email preference: requested and applied.
    public var preferences: [EmailPreferenceKind: ResolvedPreference]

    /// The `violet_bags` key: SHA-256 of the `app_order_id` (any length fits a key) and the
    /// bag's position, big-endian.
    static func key(appOrderID: String, index: Int) -> [UInt8] {
        Array(SHA256.hash(data: Array(appOrderID.utf8))) + Key.sequence(UInt64(index))
    }

    func writeFields(to writer: inout RecordWriter) {
        writer.write(appOrderID)
        writer.write(index)
        writer.write(orderID.rawValue)
        writer.write(platform)
        for kind in EmailPreferenceKind.allCases {
            writer.write(preferences[kind]?.requested?.rawValue)
            writer.write(preferences[kind]?.result.rawValue ?? PreferenceResult.notApplied.rawValue)
        }
    }

    init(appOrderID: String, index: Int, orderID: OrderID, platform: String, preferences: [EmailPreferenceKind: ResolvedPreference]) {
        self.appOrderID = appOrderID
        self.index = index
        self.orderID = orderID
        self.platform = platform
        self.preferences = preferences
    }

    init(readingFields reader: inout RecordReader) throws(CorruptRecord) {
        appOrderID = try reader.read(String.self)
        index = try reader.read(Int.self)
        let rawID = try reader.read(String.self)
        guard let orderID = OrderID(parsing: rawID) else { throw CorruptRecord(what: "violet bag order id \(rawID)") }
        self.orderID = orderID
        platform = try reader.read(String.self)
        preferences = [:]
        for kind in EmailPreferenceKind.allCases {
            let requested = try reader.read(String?.self)
            let result = try reader.read(String.self)
            guard let result = PreferenceResult(rawValue: result), requested.map({ PreferenceRequest(rawValue: $0) != nil }) ?? true else {
                throw CorruptRecord(what: "violet bag preference \(kind.rawValue)")
            }
            preferences[kind] = ResolvedPreference(requested: requested.flatMap(PreferenceRequest.init(rawValue:)), result: result)
        }
    }
}

extension VioletBag: StoredRecord {
    static let table = "violet_bags"
}
