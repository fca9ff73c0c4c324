import PrivyDomain

/// The recent delivery pace, in changes a second, from two consecutive windows of about a minute:
/// cheap to keep in one record, and it decays on its own while nothing is delivered.
struct PaceMeter: Sendable, Hashable {
    /// How long a window lasts before it becomes the previous one.
    static let window: Int64 = 60_000_000

    /// When the current window started (microseconds since the epoch); 0 before any delivery.
    private(set) var currentStart: Int64 = 0
    /// Changes delivered in the current window.
    private(set) var currentChanges: UInt64 = 0
    /// Changes delivered in the previous window.
    private(set) var previousChanges: UInt64 = 0
    /// How long the previous window lasted, in microseconds (0: there was none).
    private(set) var previousLength: Int64 = 0

    init() {}

    init(currentStart: Int64, currentChanges: UInt64, previousChanges: UInt64, previousLength: Int64) {
        self.currentStart = currentStart
        self.currentChanges = currentChanges
        self.previousChanges = previousChanges
        self.previousLength = previousLength
    }

    /// Counts `changes` delivered at `now`.
    mutating func record(_ changes: Int, at now: Timestamp) {
        let time = now.microsecondsSinceEpoch
        if currentStart == 0 {
            currentStart = time
        } else if time - currentStart >= Self.window {
            previousChanges = currentChanges
            previousLength = time - currentStart
            currentStart = time
            currentChanges = 0
        }
        currentChanges += UInt64(changes)
    }

    /// Changes a second over the two windows up to `now`, or `nil` before any delivery or when
    /// too little time has passed to tell.
    func rate(at now: Timestamp) -> Double? {
        guard currentStart != 0 else { return nil }
        let elapsed = previousLength + max(0, now.microsecondsSinceEpoch - currentStart)
        guard elapsed >= 1_000_000 else { return nil }
        return Double(previousChanges + currentChanges) / (Double(elapsed) / 1_000_000)
    }
}
