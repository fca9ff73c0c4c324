/// An instant in time: microseconds since the Unix epoch, 1970-01-01T00:00:00Z.
///
/// Its text form is RFC 3339 in UTC, as the API speaks it:
/// - `2026-11-22T10:15:30Z` when the instant falls on a whole second;
/// - `2026-11-22T10:15:30.123456Z`, `…30.5Z`: otherwise, with one to six fraction digits, trailing zeros removed.
///
/// Years outside 0000...9999, which RFC 3339 cannot write, are written in ISO 8601's expanded form
/// (`-0001-…`, `+10000-…`); ``init(rfc3339:)`` does not read that form back.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Microseconds since 1970-01-01T00:00:00Z; negative before it.
    public var microsecondsSinceEpoch: Int64

    /// Creates the instant `microsecondsSinceEpoch` microseconds after the Unix epoch.
    ///
    /// - Parameters:
    ///   - microsecondsSinceEpoch: microseconds since 1970-01-01T00:00:00Z; negative before it.
    public init(microsecondsSinceEpoch: Int64) {
        self.microsecondsSinceEpoch = microsecondsSinceEpoch
    }

    /// Orders instants from earlier to later.
    ///
    /// - Parameters:
    ///   - lhs: one instant.
    ///   - rhs: another instant.
    /// - Returns: whether `lhs` is earlier than `rhs`.
    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.microsecondsSinceEpoch < rhs.microsecondsSinceEpoch
    }

    /// The instant as RFC 3339 text in UTC, for example `2026-11-22T10:15:30Z` or `2026-11-22T10:15:30.25Z`.
    public var rfc3339: String {
        let (days, microsecondOfDay) = Self.floorDivision(microsecondsSinceEpoch, by: Self.microsecondsPerDay)
        let date = CivilDate(daysSinceEpoch: Int(days))
        let secondOfDay = Int(microsecondOfDay / Self.microsecondsPerSecond)
        let fraction = Int(microsecondOfDay % Self.microsecondsPerSecond)
        return ASCIITextBuilder.string(capacity: 32) { text in
            if (0...9_999).contains(date.year) {
                text.append(date.year, zeroPaddedTo: 4)
            } else {
                text.append(Self.yearText(date.year))
            }
            text.append(UInt8(ascii: "-")); text.append(date.month, zeroPaddedTo: 2)
            text.append(UInt8(ascii: "-")); text.append(date.day, zeroPaddedTo: 2)
            text.append(UInt8(ascii: "T")); text.append(secondOfDay / 3_600, zeroPaddedTo: 2)
            text.append(UInt8(ascii: ":")); text.append(secondOfDay / 60 % 60, zeroPaddedTo: 2)
            text.append(UInt8(ascii: ":")); text.append(secondOfDay % 60, zeroPaddedTo: 2)
            if fraction != 0 {
                var digits = fraction
                var width = 6
                while digits % 10 == 0 {
                    digits /= 10
                    width -= 1
                }
                text.append(UInt8(ascii: ".")); text.append(digits, zeroPaddedTo: width)
            }
            text.append(UInt8(ascii: "Z"))
        }
    }

    /// The same text as ``rfc3339``.
    public var description: String {
        rfc3339
    }

    /// Reads an RFC 3339 date-time, strictly.
    ///
    /// The accepted grammar is `YYYY-MM-DD`, `T` (or `t`), `hh:mm:ss`, an optional `.` with one to nine
    /// fraction digits, then `Z` (or `z`) or an offset `+hh:mm` / `-hh:mm`. An offset is subtracted to give
    /// the UTC instant; fraction digits beyond the sixth (sub-microsecond) are dropped.
    ///
    /// Rejected: any other shape (a space instead of `T`, a missing offset, `+0200`, surrounding whitespace,
    /// non-ASCII digits), a date that does not exist (`2026-02-30`, `2023-02-29`, month `00` or `13`, day `00`),
    /// hour `24`, minute or second `60` (leap seconds cannot be represented), and an offset hour above `23`
    /// or offset minute above `59`.
    ///
    /// - Parameters:
    ///   - text: the date-time to read.
    /// - Returns: the instant, or `nil` if `text` is not a valid RFC 3339 date-time.
    public init?(rfc3339 text: String) {
        var scanner = ASCIIScanner(text)
        guard let year = scanner.fixedDigits(4), scanner.consume(UInt8(ascii: "-")),
            let month = scanner.fixedDigits(2), scanner.consume(UInt8(ascii: "-")),
            let day = scanner.fixedDigits(2), let date = CivilDate(year: year, month: month, day: day),
            scanner.consume(anyOf: [UInt8(ascii: "T"), UInt8(ascii: "t")]) != nil,
            let hour = scanner.fixedDigits(2), hour < 24, scanner.consume(UInt8(ascii: ":")),
            let minute = scanner.fixedDigits(2), minute < 60, scanner.consume(UInt8(ascii: ":")),
            let second = scanner.fixedDigits(2), second < 60,
            let fraction = Self.fractionMicroseconds(&scanner),
            let offsetMinutes = Self.offsetMinutes(&scanner),
            scanner.isAtEnd
        else { return nil }
        let localSeconds = ((date.daysSinceEpoch * 24 + hour) * 60 + minute) * 60 + second
        let utcSeconds = localSeconds - offsetMinutes * 60
        self.init(microsecondsSinceEpoch: Int64(utcSeconds) * Self.microsecondsPerSecond + Int64(fraction))
    }

    private static let microsecondsPerSecond: Int64 = 1_000_000
    private static let microsecondsPerDay: Int64 = 86_400 * microsecondsPerSecond

    /// Reads an optional `.` and one to nine fraction digits.
    ///
    /// - Returns: the fraction in whole microseconds (0 when absent), or `nil` for a malformed fraction.
    private static func fractionMicroseconds(_ scanner: inout ASCIIScanner) -> Int? {
        guard scanner.consume(UInt8(ascii: ".")) else { return 0 }
        let digits = scanner.digitRun()
        guard (1...9).contains(digits.count) else { return nil }
        let microsecondDigits = (digits + Array(repeating: 0, count: 6)).prefix(6)
        return microsecondDigits.reduce(0) { $0 * 10 + Int($1) }
    }

    /// Reads `Z`, `z`, `+hh:mm` or `-hh:mm`.
    ///
    /// - Returns: the offset east of UTC in minutes, or `nil` for a malformed offset.
    private static func offsetMinutes(_ scanner: inout ASCIIScanner) -> Int? {
        if scanner.consume(anyOf: [UInt8(ascii: "Z"), UInt8(ascii: "z")]) != nil {
            return 0
        }
        guard let sign = scanner.consume(anyOf: [UInt8(ascii: "+"), UInt8(ascii: "-")]),
            let hours = scanner.fixedDigits(2), hours < 24, scanner.consume(UInt8(ascii: ":")),
            let minutes = scanner.fixedDigits(2), minutes < 60
        else { return nil }
        return (sign == UInt8(ascii: "-") ? -1 : 1) * (hours * 60 + minutes)
    }

    /// Division rounding toward negative infinity, so instants before the epoch fall on the right day.
    ///
    /// - Returns: the quotient and a remainder in `0..<divisor`.
    private static func floorDivision(_ value: Int64, by divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }

    /// Four digits for years 0000...9999; a sign and at least four digits (ISO 8601 expanded) otherwise.
    private static func yearText(_ year: Int) -> String {
        switch year {
        case 0...9_999: String(year, zeroPaddedTo: 4)
        case ..<0: "-" + String(-year, zeroPaddedTo: 4)
        default: "+" + String(year)
        }
    }
}
