/// A contact's identifier: `cus_` followed by 16 ASCII letters and digits (`[A-Za-z0-9]`).
public struct ContactID: Sendable, Hashable {
    /// The identifier as it appears on the wire, for example `cus_a1B2c3D4e5F6g7H8`.
    public let rawValue: String

    private static let prefix = "cus_"
    private static let randomLength = 16
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)

    /// Accepts `text` if it is a well-formed contact identifier.
    ///
    /// - Parameters:
    ///   - text: the candidate identifier; matched exactly, with no trimming or case folding.
    /// - Returns: `nil` unless `text` is `cus_` followed by exactly 16 ASCII letters and digits.
    public init?(validating text: String) {
        let bytes = text.utf8
        guard bytes.starts(with: Self.prefix.utf8), bytes.count == Self.prefix.utf8.count + Self.randomLength,
            bytes.dropFirst(Self.prefix.utf8.count).allSatisfy(\.isASCIIAlphanumeric)
        else { return nil }
        rawValue = text
    }

    /// A new identifier with 16 characters drawn uniformly from `[A-Za-z0-9]` (about 95 bits).
    ///
    /// Randomness is drawn 64 bits at a time (a system generator makes one syscall per draw, not
    /// one per character); each byte below 248 picks `byte % 62`, the rest are skipped so every
    /// character stays equally likely.
    /// - Parameters:
    ///   - generator: the source of randomness; pass a cryptographically secure one
    ///     (`SystemRandomNumberGenerator`) in production and a seeded one in tests.
    /// - Returns: the identifier.
    public static func random(using generator: inout some RandomNumberGenerator) -> ContactID {
        let acceptedBelow = UInt8(256 - 256 % alphabet.count)
        var bytes = Array(prefix.utf8)
        bytes.reserveCapacity(prefix.utf8.count + randomLength)
        while bytes.count < prefix.utf8.count + randomLength {
            var word = generator.next()
            for _ in 0..<8 where bytes.count < prefix.utf8.count + randomLength {
                let byte = UInt8(truncatingIfNeeded: word)
                word >>= 8
                if byte < acceptedBelow {
                    bytes.append(alphabet[Int(byte) % alphabet.count])
                }
            }
        }
        return ContactID(rawValue: String(decoding: bytes, as: UTF8.self))
    }

    private init(rawValue: String) {
        self.rawValue = rawValue
    }
}
