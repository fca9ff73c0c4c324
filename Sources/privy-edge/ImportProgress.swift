import Glibc

/// A one-line progress bar on standard error, redrawn in place, shown only when standard
/// error is a terminal; otherwise nothing (a log or a pipe gets only the summary).
struct ImportProgress {
    private let isEnabled = isatty(STDERR_FILENO) == 1
    private let totalBytes: Int?
    private let start = ContinuousClock.now
    private var lastDrawn: ContinuousClock.Instant?

    /// Creates the bar for an input of `totalBytes` (`nil` when unknown, as for a pipe).
    init(totalBytes: Int?) {
        self.totalBytes = totalBytes
    }

    /// Redraws the bar, at most five times a second.
    mutating func update(lines: Int, bytesRead: Int) {
        guard isEnabled else { return }
        let now = ContinuousClock.now
        if let lastDrawn, lastDrawn.duration(to: now) < .milliseconds(200) { return }
        lastDrawn = now
        var line = "\r"
        if let totalBytes, totalBytes > 0 {
            let fraction = min(1, Double(bytesRead) / Double(totalBytes))
            let filled = Int(fraction * 30)
            line += "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: 30 - filled) + "] \(Int(fraction * 100))%  "
        }
        line += "\(lines) lines  \(ImportTotals.rate(lines, since: start)) orders/s"
        write(line)
    }

    /// Clears the bar before the summary is printed.
    func finish() {
        guard isEnabled, lastDrawn != nil else { return }
        write("\r\u{1B}[2K")
    }

    private func write(_ text: String) {
        var text = text
        text.withUTF8 { _ = Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}
