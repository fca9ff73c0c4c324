extension String {
    /// `value`, which must not be negative, in decimal with leading zeros up to `width` digits.
    init(_ value: some BinaryInteger, zeroPaddedTo width: Int) {
        let digits = String(value)
        self = String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
    }
}
