import Glibc

/// The y axis of a latency plot: from 0 to a round number of milliseconds above the highest
/// latency, with ticks at 1, 2 or 5 times a power of ten.
struct LatencyScale: Sendable {
    /// The top of the axis, in milliseconds.
    let top: Double
    /// Tick values, from 0 up to ``top``.
    let ticks: [Double]
    /// Decimals the tick labels need: 0 for steps of 1 ms or more.
    private let places: Int

    /// A scale that fits `highest` milliseconds with about five ticks.
    init(fitting highest: Double) {
        let highest = max(highest, 0.001)
        let rough = highest / 5
        let magnitude = pow(10, floor(log10(rough)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
        let count = Int((highest * 1.04 / step).rounded(.up))
        top = Double(count) * step
        ticks = (0...count).map { Double($0) * step }
        places = max(0, Int(-floor(log10(step))))
    }

    /// A tick's label: `0`, `0.5`, `20`.
    func label(_ tick: Double) -> String {
        NumberText.fixed(tick, places: places)
    }
}
