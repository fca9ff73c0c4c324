/// What a bearer token may do. The wire names are Privy's OAuth scopes.
public struct Scopes: OptionSet, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// Read contacts.
    public static let contactsRead = Scopes(rawValue: 1 << 0)
    /// Create, change and delete contacts.
    public static let contactsWrite = Scopes(rawValue: 1 << 1)
    /// Create and update orders.
    public static let ordersWrite = Scopes(rawValue: 1 << 2)
    /// The operator's scope: integrations, sync and maintenance routes.
    public static let admin = Scopes(rawValue: 1 << 3)

    /// Every scope with its wire name, in a stable order.
    public static let named: [(name: String, scope: Scopes)] = [
        ("contacts_read", .contactsRead),
        ("contacts_write", .contactsWrite),
        ("orders_write", .ordersWrite),
        ("admin", .admin),
    ]

    /// Parses a list of scope names separated by commas or spaces.
    /// - Parameter list: e.g. `"contacts_read,orders_write"` or `"contacts_read contacts_write"`.
    /// - Returns: the scopes, or `nil` if a name is unknown or the list is empty.
    public init?(parsing list: some StringProtocol) {
        var scopes: Scopes = []
        for name in list.split(whereSeparator: { $0 == "," || $0 == " " }) {
            guard let match = Self.named.first(where: { $0.name == name }) else { return nil }
            scopes.insert(match.scope)
        }
        guard !scopes.isEmpty else { return nil }
        self = scopes
    }

    /// The scope names, in a stable order.
    public var names: [String] {
        Self.named.filter { contains($0.scope) }.map(\.name)
    }

    /// The names joined by spaces, as OAuth writes them.
    public var description: String {
        names.joined(separator: " ")
    }
}
