import Crypto

/// Random secrets and their stored digests. Only digests reach the disk; comparisons of
/// digests take the same time whatever the bytes.
enum Secret {
    /// `count` random lowercase hex digits from the system's CSPRNG.
    static func hex(count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: (0..<count).map { _ in digits[Int(generator.next() & 0xF)] }, as: UTF8.self)
    }

    /// The SHA-256 digest stored in place of `secret`.
    static func digest(of secret: String) -> [UInt8] {
        Array(SHA256.hash(data: Array(secret.utf8)))
    }

    /// Compares two digests in time that does not depend on where they differ.
    static func matches(_ digest: [UInt8], _ stored: [UInt8]) -> Bool {
        guard digest.count == stored.count else { return false }
        var difference: UInt8 = 0
        for index in digest.indices {
            difference |= digest[index] ^ stored[index]
        }
        return difference == 0
    }

    /// Whether `text` is exactly `count` lowercase hex digits.
    static func isHex(_ text: Substring, count: Int) -> Bool {
        text.utf8.count == count && text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }
}
