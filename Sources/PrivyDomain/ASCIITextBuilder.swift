/// Writes ASCII text straight into a string's storage: one allocation, no intermediate strings.
/// Used for the texts every response carries (timestamps, amounts).
struct ASCIITextBuilder {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    /// The bytes written so far.
    private(set) var count = 0

    private init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    /// A string of at most `capacity` ASCII bytes that `write` produces.
    /// - Parameters:
    ///   - capacity: an upper bound on the bytes written; writing more traps.
    ///   - write: appends the text.
    /// - Returns: the text.
    static func string(capacity: Int, _ write: (inout ASCIITextBuilder) -> Void) -> String {
        String(unsafeUninitializedCapacity: capacity) { buffer in
            var builder = ASCIITextBuilder(buffer)
            write(&builder)
            return builder.count
        }
    }

    /// Appends one character.
    mutating func append(_ byte: UInt8) {
        buffer[count] = byte
        count += 1
    }

    /// Appends text.
    mutating func append(_ text: some StringProtocol) {
        for byte in text.utf8 {
            append(byte)
        }
    }

    /// Appends `value`, which must not be negative, in decimal with leading zeros up to `width`.
    mutating func append(_ value: some BinaryInteger, zeroPaddedTo width: Int) {
        var digitCount = 1
        var rest = value / 10
        while rest > 0 {
            digitCount += 1
            rest /= 10
        }
        let end = count + Swift.max(width, digitCount)
        var remaining = value
        for index in stride(from: end - 1, through: count, by: -1) {
            buffer[index] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
        }
        count = end
    }
}
