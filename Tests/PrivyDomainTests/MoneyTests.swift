import PrivyDomain
import Testing

@Suite("Money")
struct MoneyTests {
    @Test(
        "reads JSON number text and writes at least two decimals",
        arguments: [
            ("95", "95.00"), ("95.5", "95.50"), ("0.10", "0.10"), ("-1.25", "-1.25"), ("1.005", "1.005"),
            ("0", "0.00"), ("-0", "0.00"), ("-0.000", "0.00"), ("0.000", "0.00"), ("100", "100.00"),
            ("1.50000", "1.50"), ("1.0000000000000000000000", "1.00"), ("1e2", "100.00"), ("1.5E-1", "0.15"),
            ("25e-2", "0.25"), ("1E+2", "100.00"), ("0e999999999999999999", "0.00"),
            ("1e-18", "0.000000000000000001"), ("1e17", "100000000000000000.00"),
            ("999999999999999999", "999999999999999999.00"), ("-999999999999999999", "-999999999999999999.00"),
            ("0.123456789012345678", "0.123456789012345678"), ("0.1e1", "1.00"),
        ]
    )
    func reads(text: String, formatted: String) {
        #expect(Money(text)?.description == formatted)
    }

    @Test(
        "rejects other text and out-of-range amounts",
        arguments: [
            "", " 1", "1 ", "1.2.3", "000", "+1", "01", "-", ".5", "5.", "1e", "1e+", "--1", "1,5", "0x10", "NaN", "Infinity",
            "١", "1e18", "1000000000000000000", "1e-19", "0.0000000000000000001", "1e999999999999", "1e-999999999999",
            "1234567890.123456789",
        ]
    )
    func rejects(text: String) {
        #expect(Money(text) == nil)
    }

    @Test("equal amounts are equal whatever their spelling")
    func equality() {
        #expect(Money("0.10") == Money("0.1"))
        #expect(Money("100") == Money("1e2"))
        #expect(Money("-0") == Money.zero)
        #expect(Money("0.10") != Money("0.11"))
        #expect(Money("1") != Money("-1"))
    }

    @Test(
        "adds exactly",
        arguments: [
            ("0.10", "0.20", "0.30"), ("0.1", "0.2", "0.30"), ("95", "0.005", "95.005"), ("1.25", "-1.25", "0.00"),
            ("-1.5", "0.25", "-1.25"), ("999999999999999998", "1", "999999999999999999.00"),
            ("0.000000000000000001", "0.000000000000000009", "0.00000000000000001"),
        ]
    )
    func adds(lhs: String, rhs: String, sum: String) throws {
        let left = try #require(Money(lhs))
        let right = try #require(Money(rhs))
        #expect(left.adding(right)?.description == sum)
        #expect(right.adding(left)?.description == sum)
    }

    @Test("subtracts exactly", arguments: [("0.30", "0.10", "0.20"), ("1", "1.005", "-0.005"), ("-1", "-1", "0.00")])
    func subtracts(lhs: String, rhs: String, difference: String) throws {
        let left = try #require(Money(lhs))
        let right = try #require(Money(rhs))
        #expect(left.subtracting(right)?.description == difference)
    }

    @Test(
        "refuses a result beyond 18 significant digits",
        arguments: [("999999999999999999", "1"), ("-999999999999999999", "-1"), ("999999999999999999", "0.1"), ("100000000", "0.000000000000000001")]
    )
    func overflow(lhs: String, rhs: String) throws {
        let left = try #require(Money(lhs))
        let right = try #require(Money(rhs))
        #expect(left.adding(right) == nil)
    }

    @Test("summing many small amounts stays exact")
    func manySmallAmounts() throws {
        let cent = try #require(Money("0.01"))
        var total = Money.zero
        for _ in 0..<10_000 {
            total = try #require(total.adding(cent))
        }
        #expect(total == Money("100"))
        #expect(total.description == "100.00")
    }
}
