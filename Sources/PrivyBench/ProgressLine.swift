import Glibc
import Synchronization

/// A live status line on a terminal's standard error, rewritten in place about once a second.
public final class ProgressLine: Sendable {
    private let previous = Mutex<(phase: BenchProgress.Phase, responses: Int, elapsed: Double)>((.seeding, 0, 0))

    private init() {}

    /// A progress line, if standard error is a terminal (else `nil`: logs stay clean).
    public static func onTerminal() -> ProgressLine? {
        isatty(STDERR_FILENO) != 0 ? ProgressLine() : nil
    }

    /// Rewrites the line.
    public func show(_ progress: BenchProgress) {
        let rate = previous.withLock { last -> Double? in
            if last.phase != progress.phase { last = (progress.phase, 0, 0) }
            let span = progress.elapsed - last.elapsed
            guard span >= 0.25 else { return nil }  // too soon after the phase began to say
            defer { last = (progress.phase, progress.responses, progress.elapsed) }
            return Double(progress.responses - last.responses) / span
        }
        let elapsed = NumberText.fixed(progress.elapsed, places: 0) + " s"
        let text = switch progress.phase {
        case .seeding: "seeding contacts  \(elapsed)  \(NumberText.grouped(progress.responses)) created"
        case .warmingUp: "warming up  \(elapsed)"
        case .measuring:
            "measuring  \(elapsed)  \(NumberText.grouped(progress.responses)) responses  \(rate.map { NumberText.grouped(Int($0)) } ?? "…") req/s  \(NumberText.grouped(progress.failures)) errors"
        }
        write("\r\u{1B}[2K" + text)
    }

    /// Erases the line, before the report is printed.
    public func clear() {
        write("\r\u{1B}[2K")
    }

    private func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in _ = Glibc.write(STDERR_FILENO, bytes.baseAddress, bytes.count) }
    }
}
