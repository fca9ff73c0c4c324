import NIOCore
import Synchronization

/// When a run warms up, measures and stops, shared by every connection. With a duration the
/// measured window is fixed and a response counts if it arrives inside it; with a request count
/// the first requests sent after the warm-up count, and the run ends when they are answered.
final class RunSchedule: Sendable {
    /// What a request is sent as.
    enum Admission: Sendable {
        /// Before the measured window; counts only if answered inside it (duration runs).
        case warmup
        /// Inside the measured window.
        case measured
        /// Not sent: the run is over for this connection.
        case refused
    }

    /// When measuring starts.
    let measureFrom: NIODeadline
    /// When measuring ends, for a run by duration.
    let measureUntil: NIODeadline?
    private let tickets: Atomic<Int>
    private let stopped = Atomic<Bool>(false)

    /// - Parameters:
    ///   - start: when the run starts.
    ///   - warmup: how long before measuring.
    ///   - stop: the measured duration or request count.
    init(start: NIODeadline, warmup: Duration, stop: BenchSettings.Stop) {
        measureFrom = start + TimeAmount(warmup)
        switch stop {
        case .duration(let duration):
            measureUntil = measureFrom + TimeAmount(duration)
            tickets = Atomic(0)
        case .requests(let count):
            measureUntil = nil
            tickets = Atomic(count)
        }
    }

    /// Decides how a request sent at `now` counts.
    func admit(at now: NIODeadline) -> Admission {
        if stopped.load(ordering: .relaxed) { return .refused }
        if now < measureFrom { return .warmup }
        if let measureUntil { return now < measureUntil ? .measured : .refused }
        return tickets.subtract(1, ordering: .relaxed).newValue >= 0 ? .measured : .refused
    }

    /// Whether a request sent as `admission` and answered at `now` is counted.
    func counts(_ admission: Admission, answeredAt now: NIODeadline) -> Bool {
        measureUntil == nil ? admission == .measured : isMeasuring(at: now)
    }

    /// Whether `now` is inside the measured window.
    func isMeasuring(at now: NIODeadline) -> Bool {
        now >= measureFrom && now <= (measureUntil ?? now)
    }

    /// Ends the run early: no connection sends again.
    func stop() {
        stopped.store(true, ordering: .relaxed)
    }
}

