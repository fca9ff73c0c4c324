extension UInt8 {
    /// Whether this byte is an ASCII digit, `0` through `9`.
    var isASCIIDigit: Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
    }

    /// Whether this byte is an ASCII letter, `A` through `Z` or `a` through `z`.
    var isASCIILetter: Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self)
    }

    /// Whether this byte is an ASCII letter or digit.
    var isASCIIAlphanumeric: Bool {
        isASCIIDigit || isASCIILetter
    }

    /// This byte with an ASCII lowercase letter turned into its uppercase form; any other byte unchanged.
    var asciiUppercased: UInt8 {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) ? self - 0x20 : self
    }
}
