import Glibc

/// The x axis of a latency plot, as HdrHistogram's plotter draws it: percentile `p` sits at
/// `log10(1 / (1 - p/100))`, so 90%, 99%, 99.9% … are evenly spaced and the tail gets room.
struct PercentileScale: Sendable {
    /// The ticks: 0%, 90%, 99%, … up to the last the data reaches.
    let ticks: [(position: Double, label: String)]
    /// The right edge, in tick units (3 is 99.9%).
    let end: Double

    private static let labels = ["0%", "90%", "99%", "99.9%", "99.99%", "99.999%", "99.9999%"]

    /// A scale reaching the highest finite percentile among `percentiles` (at least 99.9%).
    init(covering percentiles: [Double]) {
        let reached = percentiles.filter { $0 < 100 }.map(Self.position).max() ?? 0
        let end = min(Double(Self.labels.count - 1), max(3, reached.rounded(.up)))
        self.end = end
        ticks = Self.labels.prefix(Int(end) + 1).enumerated().map { (Double($0.offset), $0.element) }
    }

    /// Where `percentile` sits, from 0 to ``end``; 100% sits at the end.
    func position(of percentile: Double) -> Double {
        percentile >= 100 ? end : min(end, Self.position(percentile))
    }

    private static func position(_ percentile: Double) -> Double {
        log10(1 / (1 - percentile / 100))
    }
}
