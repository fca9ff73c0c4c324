extension String {
    /// This string without the whitespace and newline characters at either end.
    func trimmingWhitespace() -> String {
        if let first = utf8.first, let last = utf8.last, Self.isSolidASCII(first), Self.isSolidASCII(last) {
            return self
        }
        guard let first = firstIndex(where: { !$0.isWhitespace }),
            let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }

    /// Whether `byte` is ASCII and neither whitespace nor a control character, so text
    /// that starts or ends with it has nothing to trim there.
    private static func isSolidASCII(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F
    }
}
