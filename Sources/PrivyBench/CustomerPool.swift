import NIOCore

/// The shop's customers. Customer `n` has the same email, phone and name in every run, so
/// orders link to the contacts a run seeds, and a repeated run against one server finds them.
struct CustomerPool: Sendable {
    /// How many customers there are (at most 10 million: phone numbers have 7 free digits).
    let count: Int

    private static let firstNames: [StaticString] = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken"]
    private static let lastNames: [StaticString] = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson"]

    init(count: Int) {
        precondition((1...10_000_000).contains(count), "1 to 10 million customers")
        self.count = count
    }

    /// Writes `"bench-customer-0000042@example.com"` (quoted).
    func writeEmail(of customer: Int, into buffer: inout ByteBuffer) {
        buffer.writeStaticString("\"bench-customer-")
        buffer.writeDecimal(customer, minimumDigits: 7)
        buffer.writeStaticString("@example.com\"")
    }

    /// Writes `"+15550000042"` (quoted).
    func writePhone(of customer: Int, into buffer: inout ByteBuffer) {
        buffer.writeStaticString("\"+1555")
        buffer.writeDecimal(customer, minimumDigits: 7)
        buffer.writeStaticString("\"")
    }

    /// Writes `"first_name":"…","last_name":"…"`.
    func writeName(of customer: Int, into buffer: inout ByteBuffer) {
        buffer.writeStaticString("\"first_name\":\"")
        buffer.writeStaticString(Self.firstNames[customer % Self.firstNames.count])
        buffer.writeStaticString("\",\"last_name\":\"")
        buffer.writeStaticString(Self.lastNames[customer / Self.firstNames.count % Self.lastNames.count])
        buffer.writeStaticString("\"")
    }
}
