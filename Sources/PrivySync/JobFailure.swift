/// A job or pull page stopped by a ``SyncInterruption``, with the calls it made before: they
/// count although nothing was settled.
struct JobFailure: Error, Sendable {
    /// Why it stopped.
    let interruption: SyncInterruption
    /// The calls it made.
    let tally: CallTally
}
