/// The upstream calls one job (or one pull page) made, kept by the task that runs it.
struct CallTally: Sendable, Hashable {
    /// HTTP calls made so far.
    var calls = 0
    /// `429` answers among them.
    var throttled = 0
}
