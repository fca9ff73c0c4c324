/// How a run picks which existing order or contact a request updates or reads.
public enum KeyDistribution: Sendable, Equatable, CustomStringConvertible {
    /// Every existing key equally often.
    case uniform
    /// A few keys most of the time: key `k` (1 = hottest) is drawn in proportion to `1 / k^exponent`.
    /// Orders: the most recently placed are the hottest; contacts: the lowest customer numbers.
    case zipfian(exponent: Double)

    /// `uniform` or `zipfian(0.99)`.
    public var description: String {
        switch self {
        case .uniform: "uniform"
        case .zipfian(let exponent): "zipfian(\(exponent))"
        }
    }
}
