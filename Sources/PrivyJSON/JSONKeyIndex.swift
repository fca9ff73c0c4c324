/// Finds keys among the members of one object: a linear scan while the object is small, a hash
/// table once it reaches ``hashingThreshold`` members, so duplicate detection and lookups stay
/// linear in the object size overall.
///
/// The members themselves are owned by the caller and passed in for every operation.
struct JSONKeyIndex: Sendable {
    /// The member count from which lookups go through a hash table.
    static let hashingThreshold = 16

    /// Key positions; `nil` while the object is below the threshold.
    private var positions: [String: Int]?

    /// Creates an index for an object with no members.
    init() {
        positions = nil
    }

    /// Looks up `key` among `members`.
    ///
    /// - Parameters:
    ///   - key: The key to find.
    ///   - members: The object's members, all of them recorded in this index.
    /// - Returns: The position of the member with that key, or `nil` if there is none.
    func position(of key: String, in members: UnsafeBufferPointer<JSONObject.Member>) -> Int? {
        if let positions {
            return positions[key]
        }
        for position in members.indices where members[position].key == key {
            return position
        }
        return nil
    }

    /// Records the key of the last member of `members`, which was just appended and must not
    /// duplicate an earlier key.
    ///
    /// - Parameters:
    ///   - members: The object's members, all but the last already recorded in this index.
    mutating func recordLast(of members: UnsafeBufferPointer<JSONObject.Member>) {
        if positions != nil {
            positions?[members[members.count - 1].key] = members.count - 1
        } else if members.count >= Self.hashingThreshold {
            var table = [String: Int](minimumCapacity: 2 * members.count)
            for position in members.indices {
                table[members[position].key] = position
            }
            positions = table
        }
    }
}
