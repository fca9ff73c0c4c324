import PrivyJSON

extension JSONNumber {
    /// `value` rounded to `places` decimals, as a JSON number.
    init(_ value: Double, places: Int) {
        self = JSONNumber(NumberText.fixed(value, places: places)) ?? JSONNumber(0)
    }
}
