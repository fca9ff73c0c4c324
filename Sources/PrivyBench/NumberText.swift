import Glibc

/// Numbers as people and JSON read them, without Foundation's formatters.
enum NumberText {
    /// `value` rounded to `places` decimals: `fixed(2.0004, places: 3)` is `"2.000"`.
    static func fixed(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return "0" }
        let scale = pow(10, Double(places))
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { return String(value) }
        let units = Int(scaled)
        let divisor = Int(scale)
        let sign = value < 0 && units > 0 ? "-" : ""
        guard places > 0 else { return sign + String(units) }
        let fraction = String(units % divisor)
        return sign + String(units / divisor) + "." + String(repeating: "0", count: places - fraction.count) + fraction
    }

    /// `value` with thousands separated: `31,245`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var text = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return value < 0 ? "-" + text : text
    }

    /// A latency in milliseconds with three significant digits or more: `0.412`, `12.3`, `153`.
    static func milliseconds(_ value: Double) -> String {
        fixed(value, places: value < 1 ? 3 : value < 10 ? 2 : value < 100 ? 1 : 0)
    }
}
