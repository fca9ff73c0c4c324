/// Where a run is, for a progress display; reported about once a second.
public struct BenchProgress: Sendable {
    /// The part of the run.
    public enum Phase: Sendable, Equatable {
        /// Creating the customers' contacts.
        case seeding
        /// Load before measuring.
        case warmingUp
        /// The measured window.
        case measuring
    }

    /// The part of the run.
    public var phase: Phase
    /// Seconds since the phase began.
    public var elapsed: Double
    /// Responses counted so far in the phase.
    public var responses: Int
    /// Non-2xx responses and connection errors so far in the phase.
    public var failures: Int
}
