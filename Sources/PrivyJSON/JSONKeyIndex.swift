/// Finds keys among the keys of one object: a linear scan while the object is small, a hash
/// table once it reaches ``hashingThreshold`` members, so duplicate detection and lookups stay
/// linear in the object size overall.
///
/// The keys themselves live in an array owned by the caller; the index only records positions
/// relative to `base`, the array index of the object's first key.
struct JSONKeyIndex: Sendable {
    /// The member count from which lookups go through a hash table.
    static let hashingThreshold = 16

    /// Key positions relative to `base`; `nil` while the object is below the threshold.
    private var positions: [String: Int]?

    /// Creates an index for an object with no members.
    init() {
        positions = nil
    }

    /// Looks up `key` among `keys[base...]`.
    ///
    /// - Parameters:
    ///   - key: The key to find.
    ///   - keys: The array holding the object's keys from `base` on.
    ///   - base: The index in `keys` of the object's first key.
    /// - Returns: The key's position relative to `base`, or `nil` if it is absent.
    func position(of key: String, in keys: [String], from base: Int) -> Int? {
        if let positions {
            return positions[key]
        }
        return keys[base...].firstIndex(of: key).map { $0 - base }
    }

    /// Appends `key` to `keys` unless `keys[base...]` already contains it.
    ///
    /// - Parameters:
    ///   - key: The new key.
    ///   - keys: The array holding the object's keys from `base` on.
    ///   - base: The index in `keys` of the object's first key.
    /// - Returns: `false` if `key` is a duplicate, in which case `keys` is left unchanged.
    mutating func append(_ key: String, to keys: inout [String], from base: Int) -> Bool {
        guard position(of: key, in: keys, from: base) == nil else {
            return false
        }
        keys.append(key)
        let count = keys.count - base
        if positions != nil {
            positions?[key] = count - 1
        } else if count >= Self.hashingThreshold {
            var table = [String: Int](minimumCapacity: 2 * count)
            for (position, existing) in keys[base...].enumerated() {
                table[existing] = position
            }
            positions = table
        }
        return true
    }
}
