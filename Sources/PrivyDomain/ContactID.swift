/// A contact's identifier: `cus_` followed by 16 ASCII letters and digits (`[A-Za-z0-9]`).
///
/// New identifiers sort by creation time (``timeOrdered(at:using:)``): the first eight
/// characters are the creation millisecond in base 62, the last eight are random. A new contact
/// and every record keyed by its id (the contact, its consent index entry, its orders and stats,
/// its audit trail) then land on the rightmost leaves of their B-trees, pages that the same
/// group commit has already copied, instead of on a random leaf each. Identifiers made by
/// earlier versions (16 random characters) remain valid and keep working.
public struct ContactID: Sendable, Hashable {
    /// The identifier as it appears on the wire, for example `cus_0Ps9Xk2mQ4ZbR7tW`.
    public let rawValue: String

    private static let prefix = "cus_"
    private static let bodyLength = 16
    private static let timeLength = 8
    /// The 62 letters and digits in ASCII order, so that base-62 text sorts as its number does.
    private static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)

    /// Accepts `text` if it is a well-formed contact identifier.
    ///
    /// - Parameters:
    ///   - text: the candidate identifier; matched exactly, with no trimming or case folding.
    /// - Returns: `nil` unless `text` is `cus_` followed by exactly 16 ASCII letters and digits.
    public init?(validating text: String) {
        let bytes = text.utf8
        guard bytes.starts(with: Self.prefix.utf8), bytes.count == Self.prefix.utf8.count + Self.bodyLength,
            bytes.dropFirst(Self.prefix.utf8.count).allSatisfy(\.isASCIIAlphanumeric)
        else { return nil }
        rawValue = text
    }

    /// A new identifier that sorts after every identifier made in an earlier millisecond.
    ///
    /// Eight base-62 characters of the milliseconds since the Unix epoch (enough for
    /// nearly 7,000 years), then eight characters drawn uniformly from `[A-Za-z0-9]` (about 47 bits, so ids made
    /// in the same millisecond practically never collide; the store still checks).
    /// - Parameters:
    ///   - instant: the creation time; instants before the epoch are taken as the epoch.
    ///   - generator: the source of randomness; pass a cryptographically secure one
    ///     (`SystemRandomNumberGenerator`) in production and a seeded one in tests.
    /// - Returns: the identifier.
    public static func timeOrdered(at instant: Timestamp, using generator: inout some RandomNumberGenerator) -> ContactID {
        var bytes = Array(prefix.utf8)
        bytes.reserveCapacity(prefix.utf8.count + bodyLength)
        var milliseconds = UInt64(max(0, instant.microsecondsSinceEpoch / 1_000))
        var timeDigits = [UInt8](repeating: alphabet[0], count: timeLength)
        for position in timeDigits.indices.reversed() {
            timeDigits[position] = alphabet[Int(milliseconds % UInt64(alphabet.count))]
            milliseconds /= UInt64(alphabet.count)
        }
        bytes += timeDigits
        appendRandomCharacters(bodyLength - timeLength, to: &bytes, using: &generator)
        return ContactID(rawValue: String(decoding: bytes, as: UTF8.self))
    }

    /// Appends `count` characters drawn uniformly from the alphabet.
    ///
    /// Randomness is drawn 64 bits at a time (a system generator makes one syscall per draw, not
    /// one per character); each byte below 248 picks `byte % 62`, the rest are skipped so every
    /// character stays equally likely.
    private static func appendRandomCharacters(_ count: Int, to bytes: inout [UInt8], using generator: inout some RandomNumberGenerator) {
        let acceptedBelow = UInt8(256 - 256 % alphabet.count)
        let end = bytes.count + count
        while bytes.count < end {
            var word = generator.next()
            for _ in 0..<8 where bytes.count < end {
                let byte = UInt8(truncatingIfNeeded: word)
                word >>= 8
                if byte < acceptedBelow {
                    bytes.append(alphabet[Int(byte) % alphabet.count])
                }
            }
        }
    }

    private init(rawValue: String) {
        self.rawValue = rawValue
    }
}
