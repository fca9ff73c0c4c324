import PrivyDomain
import Testing

@Suite("Timestamp")
struct TimestampTests {
    static let formatted: [(microseconds: Int64, text: String)] = [
        (0, "1970-01-01T00:00:00Z"),
        (1, "1970-01-01T00:00:00.000001Z"),
        (500_000, "1970-01-01T00:00:00.5Z"),
        (120_000, "1970-01-01T00:00:00.12Z"),
        (123_456, "1970-01-01T00:00:00.123456Z"),
        (-1, "1969-12-31T23:59:59.999999Z"),
        (-1_000_000, "1969-12-31T23:59:59Z"),
        (1_795_342_530_000_000, "2026-11-22T10:15:30Z"),
        (1_795_342_530_123_450, "2026-11-22T10:15:30.12345Z"),
        (951_782_400_000_000, "2000-02-29T00:00:00Z"),
        (1_709_208_000_000_000, "2024-02-29T12:00:00Z"),
        (253_402_300_799_999_999, "9999-12-31T23:59:59.999999Z"),
        (-62_167_219_200_000_000, "0000-01-01T00:00:00Z"),
        (-62_167_219_201_000_000, "-0001-12-31T23:59:59Z"),
        (253_402_300_800_000_000, "+10000-01-01T00:00:00Z"),
    ]

    @Test("formats RFC 3339 in UTC, with a trimmed fraction only when non-zero", arguments: formatted)
    func formats(microseconds: Int64, text: String) {
        #expect(Timestamp(microsecondsSinceEpoch: microseconds).rfc3339 == text)
        #expect(Timestamp(microsecondsSinceEpoch: microseconds).description == text)
    }

    @Test("reads back what it writes for years 0000 to 9999", arguments: formatted.filter { !$0.text.hasPrefix("-") && !$0.text.hasPrefix("+") })
    func readsBackFormatted(microseconds: Int64, text: String) {
        #expect(Timestamp(rfc3339: text) == Timestamp(microsecondsSinceEpoch: microseconds))
    }

    @Test("round-trips random instants between years 0000 and 9999")
    func roundTripsRandomInstants() {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<20_000 {
            let instant = Timestamp(microsecondsSinceEpoch: Int64.random(in: -62_167_219_200_000_000...253_402_300_799_999_999, using: &generator))
            #expect(Timestamp(rfc3339: instant.rfc3339) == instant, "\(instant.microsecondsSinceEpoch)")
        }
    }

    @Test("agrees with a day-by-day calendar count from 1900 to 2101")
    func agreesWithDayByDayCount() {
        var (year, month, day) = (1900, 1, 1)
        let firstDay = -25_567  // 1900-01-01
        for days in firstDay..<(firstDay + 73_414) {
            let text = Timestamp(microsecondsSinceEpoch: Int64(days) * 86_400_000_000).rfc3339
            let expected = "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)T00:00:00Z"
            guard text == expected else {
                Issue.record("day \(days): \(text), expected \(expected)")
                return
            }
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            let length = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
            day += 1
            if day > length {
                (month, day) = (month + 1, 1)
            }
            if month > 12 {
                (year, month) = (year + 1, 1)
            }
        }
        #expect((year, month, day) == (2101, 1, 1))
    }

    @Test(
        "reads offsets, lowercase separators and long fractions",
        arguments: [
            ("2026-11-22T12:15:30+02:00", "2026-11-22T10:15:30Z"),
            ("2026-11-22T05:45:30-04:30", "2026-11-22T10:15:30Z"),
            ("2026-11-22T10:15:30-00:00", "2026-11-22T10:15:30Z"),
            ("2026-11-22T10:15:30+00:00", "2026-11-22T10:15:30Z"),
            ("2026-11-22t10:15:30z", "2026-11-22T10:15:30Z"),
            ("2026-01-01T00:30:00+01:00", "2025-12-31T23:30:00Z"),
            ("2025-12-31T23:30:00-23:59", "2026-01-01T23:29:00Z"),
            ("2026-11-22T10:15:30.1Z", "2026-11-22T10:15:30.1Z"),
            ("2026-11-22T10:15:30.100000Z", "2026-11-22T10:15:30.1Z"),
            ("2026-11-22T10:15:30.000000Z", "2026-11-22T10:15:30Z"),
            ("2026-11-22T10:15:30.123456789Z", "2026-11-22T10:15:30.123456Z"),
            ("2026-11-22T10:15:30.5+01:00", "2026-11-22T09:15:30.5Z"),
            ("2000-02-29T00:00:00Z", "2000-02-29T00:00:00Z"),
            ("0000-01-01T00:00:00Z", "0000-01-01T00:00:00Z"),
            ("0000-01-01T00:00:00+00:01", "-0001-12-31T23:59:00Z"),
        ]
    )
    func readsVariants(text: String, utc: String) {
        #expect(Timestamp(rfc3339: text)?.rfc3339 == utc)
    }

    @Test(
        "rejects malformed text and impossible dates",
        arguments: [
            "", "2026-11-22", "2026-11-22T10:15:30", "2026-11-22 10:15:30Z", " 2026-11-22T10:15:30Z",
            "2026-11-22T10:15:30Z ", "2026-11-22T10:15:30ZZ", "2026-11-22T10:15Z", "26-11-22T10:15:30Z",
            "2026-1-22T10:15:30Z", "2026-11-2T10:15:30Z", "2026/11/22T10:15:30Z", "+2026-11-22T10:15:30Z",
            "2026-02-30T00:00:00Z", "2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2026-04-31T00:00:00Z",
            "2026-13-01T00:00:00Z", "2026-00-01T00:00:00Z", "2026-01-00T00:00:00Z", "2026-01-32T00:00:00Z",
            "2026-11-22T24:00:00Z", "2026-11-22T10:60:00Z", "2026-11-22T10:15:60Z", "2026-11-22T10:15:30.Z",
            "2026-11-22T10:15:30.1234567890Z", "2026-11-22T10:15:30,5Z", "2026-11-22T10:15:30+0200",
            "2026-11-22T10:15:30+02", "2026-11-22T10:15:30+24:00", "2026-11-22T10:15:30+02:60",
            "2026-11-22T10:15:30UTC", "２026-11-22T10:15:30Z", "2026-11-22T10:15:3O Z",
        ]
    )
    func rejects(text: String) {
        #expect(Timestamp(rfc3339: text) == nil)
    }

    @Test("orders instants by time")
    func ordersByTime() {
        let earlier = Timestamp(microsecondsSinceEpoch: -5)
        let later = Timestamp(microsecondsSinceEpoch: 3)
        #expect(earlier < later)
        #expect(!(later < earlier))
        #expect([later, earlier].sorted() == [earlier, later])
    }

    @Test("now reads the wall clock")
    func nowReadsTheWallClock() throws {
        let lowerBound = try #require(Timestamp(rfc3339: "2025-01-01T00:00:00Z"))
        let upperBound = try #require(Timestamp(rfc3339: "2200-01-01T00:00:00Z"))
        let now = Timestamp.now()
        #expect(now > lowerBound)
        #expect(now < upperBound)
    }
}
