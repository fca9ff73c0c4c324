import PrivyAPI

/// The running counts of an import, and the summary printed at the end.
struct ImportTotals {
    private(set) var lines = 0
    private(set) var created = 0
    private(set) var updated = 0
    private(set) var rejected = 0
    private let start = ContinuousClock.now

    /// Adds one applied chunk.
    mutating func add(_ report: OrderImportReport) {
        created += report.created
        updated += report.updated
        rejected += report.rejections.count
        lines += report.created + report.updated + report.rejections.count
    }

    /// `N lines read, N created, N updated, N rejected in S s (N orders/s)`.
    var summary: String {
        let seconds = Self.seconds(since: start)
        return "\(lines) lines read, \(created) created, \(updated) updated, \(rejected) rejected in \((seconds * 100).rounded() / 100) s (\(Self.rate(lines, since: start)) orders/s)"
    }

    /// Lines per second since `start`, rounded.
    static func rate(_ lines: Int, since start: ContinuousClock.Instant) -> Int {
        let seconds = seconds(since: start)
        return seconds > 0 ? Int((Double(lines) / seconds).rounded()) : 0
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = start.duration(to: .now).components
        return Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
    }
}
