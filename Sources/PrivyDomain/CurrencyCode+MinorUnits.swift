extension CurrencyCode {
    /// How many decimal places the currency's minor unit has (ISO 4217): 2 for most, 0 for `JPY`,
    /// 3 for `KWD`. Turns amounts sent in minor units (Violet's cents) into exact decimals.
    public var minorUnitDigits: Int {
        switch rawValue {
        case "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF": 0
        case "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND": 3
        case "CLF", "UYW": 4
        default: 2
        }
    }

    /// The decimal text of `units` minor units, e.g. `1999` USD is `1999e-2` (19.99): text that
    /// ``Money`` reads exactly.
    /// - Parameter units: the amount in minor units.
    public func decimalText(ofMinorUnits units: Int64) -> String {
        minorUnitDigits == 0 ? String(units) : "\(units)e-\(minorUnitDigits)"
    }
}
