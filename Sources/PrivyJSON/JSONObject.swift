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

    /// A stored member. A struct rather than the ``Element`` tuple so that arrays of members are
    /// copied and destroyed by specialized code instead of generic tuple value witnesses.
    struct Member: Sendable, Hashable {
        let key: String
        var value: JSONValue
    }

    private let members: [Member]

    /// Speeds up ``subscript(_:)-(String)``.
    private let keyIndex: JSONKeyIndex

    /// Wraps members whose keys `keyIndex` has recorded and found unique.
    init(validatedMembers members: [Member], keyIndex: JSONKeyIndex) {
        self.members = members
        self.keyIndex = keyIndex
    }

    /// Creates an object with no members.
    public init() {
        self.init(validatedMembers: [], keyIndex: JSONKeyIndex())
    }

    /// Creates an object from members in the given order.
    ///
    /// - Parameters:
    ///   - members: Key–value pairs. Keys must be unique; like
    ///     `Dictionary(uniqueKeysWithValues:)`, a duplicate key is a programming error and traps.
    public init(_ members: [(String, JSONValue)]) {
        let members = members.map { Member(key: $0.0, value: $0.1) }
        var keyIndex = JSONKeyIndex()
        members.withUnsafeBufferPointer { buffer in
            for position in buffer.indices {
                let earlier = UnsafeBufferPointer(rebasing: buffer[..<position])
                precondition(
                    keyIndex.position(of: buffer[position].key, in: earlier) == nil,
                    "duplicate JSON object key \"\(buffer[position].key)\"")
                keyIndex.recordLast(of: UnsafeBufferPointer(rebasing: buffer[...position]))
            }
        }
        self.init(validatedMembers: members, keyIndex: keyIndex)
    }

    /// The keys, in order. Creating the array is O(n).
    public var keys: [String] {
        members.map(\.key)
    }

    /// The position of the first member.
    public var startIndex: Int {
        0
    }

    /// The position one past the last member.
    public var endIndex: Int {
        members.count
    }

    /// The member at `position`.
    ///
    /// - Parameters:
    ///   - position: A valid position, `0 ..< count`.
    public subscript(position: Int) -> Element {
        (members[position].key, members[position].value)
    }

    /// The value for `key`, or `nil` if the object has no such member.
    ///
    /// Average cost is O(1) for objects of 16 or more members and a short linear scan below that.
    ///
    /// - Parameters:
    ///   - key: The member's key.
    public subscript(key: String) -> JSONValue? {
        members.withUnsafeBufferPointer { keyIndex.position(of: key, in: $0) }.map { members[$0].value }
    }

    /// Whether two objects have the same members in the same order.
    ///
    /// - Parameters:
    ///   - lhs: An object.
    ///   - rhs: Another object.
    /// - Returns: `true` if keys and values are pairwise equal.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.members == rhs.members
    }

    /// Feeds the members, in order, into `hasher`.
    ///
    /// - Parameters:
    ///   - hasher: The hasher to use.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(members)
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
