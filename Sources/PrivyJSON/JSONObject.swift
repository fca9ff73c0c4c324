/// The members of a JSON object, in source order, with unique keys.
///
/// Keys are compared with Swift `String` equality (Unicode canonical equivalence), the same rule a
/// `Dictionary<String, _>` uses, so an object can always be converted to a dictionary without
/// losing members. Equality and hashing take member order into account.
public struct JSONObject: Sendable, Hashable, RandomAccessCollection {
    /// A member: a key and its value.
    public typealias Element = (key: String, value: JSONValue)

    /// A member's position.
    public typealias Index = Int

    /// The range of valid positions.
    public typealias Indices = Range<Int>

    /// The keys, in source order.
    public let keys: [String]

    /// The values, in the same order as ``keys``.
    public let values: [JSONValue]

    /// Speeds up ``subscript(_:)-(String)`` and catches duplicate keys.
    private let keyIndex: JSONKeyIndex

    /// Wraps members whose keys `keyIndex` has already checked for uniqueness.
    init(validatedKeys keys: [String], values: [JSONValue], keyIndex: JSONKeyIndex) {
        self.keys = keys
        self.values = values
        self.keyIndex = keyIndex
    }

    /// Creates an object with no members.
    public init() {
        self.init(validatedKeys: [], values: [], keyIndex: JSONKeyIndex())
    }

    /// Creates an object from members in the given order.
    ///
    /// - Parameters:
    ///   - members: Key–value pairs. Keys must be unique; like
    ///     `Dictionary(uniqueKeysWithValues:)`, a duplicate key is a programming error and traps.
    public init(_ members: [(String, JSONValue)]) {
        var keys: [String] = []
        var keyIndex = JSONKeyIndex()
        keys.reserveCapacity(members.count)
        for (key, _) in members {
            precondition(keyIndex.append(key, to: &keys, from: 0), "duplicate JSON object key \"\(key)\"")
        }
        self.init(validatedKeys: keys, values: members.map(\.1), keyIndex: keyIndex)
    }

    /// The position of the first member.
    public var startIndex: Int {
        0
    }

    /// The position one past the last member.
    public var endIndex: Int {
        keys.count
    }

    /// The member at `position`.
    ///
    /// - Parameters:
    ///   - position: A valid position, `0 ..< count`.
    public subscript(position: Int) -> Element {
        (keys[position], values[position])
    }

    /// The value for `key`, or `nil` if the object has no such member.
    ///
    /// Average cost is O(1) for objects of 16 or more members and a short linear scan below that.
    ///
    /// - Parameters:
    ///   - key: The member's key.
    public subscript(key: String) -> JSONValue? {
        keyIndex.position(of: key, in: keys, from: 0).map { values[$0] }
    }

    /// Whether two objects have the same members in the same order.
    ///
    /// - Parameters:
    ///   - lhs: An object.
    ///   - rhs: Another object.
    /// - Returns: `true` if keys and values are pairwise equal.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.keys == rhs.keys && lhs.values == rhs.values
    }

    /// Feeds the members, in order, into `hasher`.
    ///
    /// - Parameters:
    ///   - hasher: The hasher to use.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(keys)
        hasher.combine(values)
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    /// Creates an object from a dictionary literal, keeping the literal's order.
    ///
    /// - Parameters:
    ///   - elements: Key–value pairs with unique keys; a duplicate key traps.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }
}
