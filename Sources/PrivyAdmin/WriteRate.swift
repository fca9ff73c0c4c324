import Synchronization

/// Writes a second over the last few seconds, from two consecutive windows: the figure moves
/// smoothly under load and falls to zero on its own a window or two after writes stop.
final class WriteRate: Sendable {
    /// How long a window lasts before it becomes the previous one.
    static let window: Duration = .seconds(5)

    private struct Windows {
        var currentStart: ContinuousClock.Instant
        var current = 0
        var previous = 0
        var previousLength: Duration = .zero

        /// Starts a new window once the current one is over; drops both when the current
        /// one ended more than a window ago.
        mutating func roll(at now: ContinuousClock.Instant) {
            let elapsed = currentStart.duration(to: now)
            guard elapsed >= WriteRate.window else { return }
            (previous, previousLength) = elapsed < WriteRate.window * 2 ? (current, elapsed) : (0, .zero)
            current = 0
            currentStart = now
        }
    }

    private let windows: Mutex<Windows>

    init(now: ContinuousClock.Instant = .now) {
        windows = Mutex(Windows(currentStart: now))
    }

    /// Counts `writes` done at `now`.
    func record(_ writes: Int, at now: ContinuousClock.Instant = .now) {
        windows.withLock { windows in
            windows.roll(at: now)
            windows.current += writes
        }
    }

    /// Writes a second over the two windows up to `now` (over at least one second, so a burst
    /// just after start does not read as a huge rate).
    func perSecond(at now: ContinuousClock.Instant = .now) -> Double {
        windows.withLock { windows in
            windows.roll(at: now)
            let span = max(windows.previousLength + windows.currentStart.duration(to: now), .seconds(1))
            return Double(windows.previous + windows.current) / (span / .seconds(1))
        }
    }
}
