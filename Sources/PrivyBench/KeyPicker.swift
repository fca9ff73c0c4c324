/// Picks one of `count` existing keys by the run's ``KeyDistribution``.
struct KeyPicker: Sendable {
    private let zipf: ZipfianSampler?

    init(_ distribution: KeyDistribution) {
        switch distribution {
        case .uniform: zipf = nil
        case .zipfian(let exponent): zipf = ZipfianSampler(exponent: exponent)
        }
    }

    /// A position in `0..<count` (`count` > 0); under a Zipf law 0 is the hottest.
    func pick(below count: Int, using generator: inout SplitMix64) -> Int {
        guard let zipf else { return Int(generator.next() % UInt64(count)) }
        return zipf.rank(in: count, using: &generator) - 1
    }
}
