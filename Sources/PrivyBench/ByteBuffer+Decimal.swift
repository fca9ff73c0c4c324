import NIOCore

extension ByteBuffer {
    /// Writes a non-negative integer in decimal, zero-padded to `minimumDigits`, without
    /// allocating a string.
    mutating func writeDecimal(_ value: Int, minimumDigits: Int = 1) {
        precondition(value >= 0, "only non-negative integers are rendered")
        var digits = 1
        var rest = value / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        let width = Swift.max(digits, minimumDigits)
        writeWithUnsafeMutableBytes(minimumWritableBytes: width) { raw in
            var remaining = value
            for offset in stride(from: width - 1, through: 0, by: -1) {
                raw[offset] = UInt8(truncatingIfNeeded: 0x30 + remaining % 10)
                remaining /= 10
            }
            return width
        }
    }

    /// Writes an amount of cents as a JSON money string such as `"19.99"`.
    mutating func writeMoney(cents: Int) {
        writeStaticString("\"")
        writeDecimal(cents / 100)
        writeStaticString(".")
        writeDecimal(cents % 100, minimumDigits: 2)
        writeStaticString("\"")
    }
}
