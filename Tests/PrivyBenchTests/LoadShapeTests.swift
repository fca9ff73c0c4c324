import NIOCore
@testable import PrivyBench
import PrivyJSON
import Testing

/// What the bench sends: key choices, bodies, request bytes, URLs.
@Suite struct LoadShapeTests {
    @Test func zipfianKeysFavourTheFirstRanksAndStayInRange() {
        let picker = KeyPicker(.zipfian(exponent: 0.99))
        var generator = SplitMix64(seed: 42)
        var counts = Array(repeating: 0, count: 1_000)
        for _ in 0..<100_000 {
            counts[picker.pick(below: counts.count, using: &generator)] += 1
        }
        // Under a Zipf law with exponent ~1 rank 1 is drawn about twice as often as rank 2,
        // and about 1/H(1000) ≈ 13% of the time.
        #expect(counts[0] > counts[1] && counts[1] > counts[9] && counts[9] > counts[99])
        #expect((10_000...16_000).contains(counts[0]))
        #expect((1.7...2.3).contains(Double(counts[0]) / Double(counts[1])))
    }

    @Test func uniformKeysCoverTheRangeEvenly() {
        let picker = KeyPicker(.uniform)
        var generator = SplitMix64(seed: 7)
        var counts = Array(repeating: 0, count: 10)
        for _ in 0..<50_000 {
            counts[picker.pick(below: counts.count, using: &generator)] += 1
        }
        #expect(counts.allSatisfy { (4_500...5_500).contains($0) })
    }

    @Test func orderBodiesAreValidOrdersOfAboutThreeHundredBytes() throws {
        let writer = OrderBodyWriter(idBase: 9_000_000, customers: CustomerPool(count: 500))
        for index in [1, 2, 86_399, 1_000_000] {
            for update in [false, true] {
                var buffer = ByteBuffer()
                writer.write(index: index, update: update, into: &buffer)
                #expect((300...450).contains(buffer.readableBytes))
                guard case .object(let order) = try JSONParser.parse(buffer.readableBytesView) else {
                    Issue.record("not an object")
                    continue
                }
                #expect(order["order_id"] == .number(JSONNumber(9_000_000 + index)))
                #expect(order["fulfillment_status"] == (update ? "fulfilled" : "unfulfilled"))
                guard case .string(let email) = order["email"], case .string(let phone) = order["phone"] else {
                    Issue.record("no email or phone")
                    continue
                }
                let customer = writer.customer(of: index)
                #expect(email == "bench-customer-\(String(repeating: "0", count: 7 - String(customer).count))\(customer)@example.com")
                #expect(phone.hasPrefix("+1555") && phone.count == 12)
            }
        }
    }

    @Test func anotherRunDrawsOtherCustomers() {
        let pool = CustomerPool(count: 10_000_000)
        let first = OrderBodyWriter(idBase: 1_000_000, customers: pool)
        let second = OrderBodyWriter(idBase: 2_000_000, customers: pool)
        let firstCustomers = Set((1...10_000).map(first.customer(of:)))
        let secondCustomers = Set((1...10_000).map(second.customer(of:)))
        #expect(firstCustomers.count > 9_990, "one run's orders come from distinct customers")
        #expect(firstCustomers.intersection(secondCustomers).count < 100, "the next run's buyers are new but for chance meetings (about 10 of 10,000 in a pool of 10 million)")
        #expect(Set((1...10_000).map(first.customer(of:))) == firstCustomers, "the same run draws the same customers")
    }

    @Test func requestsCarryTheCredentialsAndALength() {
        var target = BenchTarget(host: "::1", port: 8080, token: "privy_abc", integrationToken: "pit_def")
        target.pathPrefix = "/edge"
        let renderer = RequestRenderer(target: target)
        var buffer = ByteBuffer()
        renderer.write("POST", body: ByteBuffer(string: "{}"), into: &buffer) { $0.writeStaticString("/v1/orders/placed") }
        #expect(String(buffer: buffer) == """
        POST /edge/v1/orders/placed HTTP/1.1\r
        Host: [::1]:8080\r
        Authorization: Bearer privy_abc\r
        X-Privy-Integration-Token: pit_def\r
        Content-Type: application/json\r
        Content-Length: 2\r
        \r
        {}
        """)
    }

    @Test func targetsComeFromHTTPAndHTTPSURLs() throws {
        let plain = try BenchTarget(url: "http://127.0.0.1:8080/", token: "t")
        #expect(plain.host == "127.0.0.1" && plain.port == 8080 && plain.pathPrefix == "")
        let mounted = try BenchTarget(url: "http://[::1]:9000/privy/", token: "t")
        #expect(mounted.host == "::1" && mounted.port == 9000 && mounted.pathPrefix == "/privy")
        #expect(mounted.name == "http://[::1]:9000/privy")
        #expect(try BenchTarget(url: "http://edge.local", token: "t").port == 80)
        let secure = try BenchTarget(url: "https://edge.local", token: "t")
        #expect(secure.port == 443 && secure.tls != nil && secure.name == "https://edge.local:443")
        #expect(throws: BenchError.self) { try BenchTarget(url: "ftp://edge.local", token: "t") }
        #expect(throws: BenchError.self) { try BenchTarget(url: "http://edge.local", token: "t", caFile: "/ca.pem") }
        #expect(throws: BenchError.self) { try BenchTarget(url: "https://edge.local", token: "t", caFile: "/nonexistent/ca.pem") }
        #expect(throws: BenchError.self) { try BenchTarget(url: "http://edge.local:0", token: "t") }
    }

    @Test func numbersReadWell() {
        #expect(NumberText.fixed(2.0004, places: 3) == "2.000")
        #expect(NumberText.fixed(99.99, places: 1) == "100.0")
        #expect(NumberText.grouped(1_234_567) == "1,234,567")
        #expect(NumberText.grouped(999) == "999")
        #expect(NumberText.milliseconds(0.4123) == "0.412")
        #expect(NumberText.milliseconds(153.4) == "153")
    }
}
