import PrivyDomain
import Testing

@Suite("CurrencyCode")
struct CurrencyCodeTests {
    @Test("accepts three ASCII letters, uppercased", arguments: [("USD", "USD"), ("usd", "USD"), ("eUr", "EUR"), ("XXX", "XXX")])
    func accepts(text: String, code: String) {
        #expect(CurrencyCode(validating: text)?.rawValue == code)
    }

    @Test("rejects anything else", arguments: ["", "US", "USDD", " USD", "USD ", "U$D", "123", "ÜSD", "US1"])
    func rejects(text: String) {
        #expect(CurrencyCode(validating: text) == nil)
    }

    @Test("orders alphabetically")
    func orders() throws {
        let codes = try ["usd", "EUR", "gbp"].map { try #require(CurrencyCode(validating: $0)) }
        #expect(codes.sorted().map(\.rawValue) == ["EUR", "GBP", "USD"])
    }
}
