import NIOCore

/// Reports a phase's progress about once a second while the phase runs.
struct ProgressTicker: Sendable {
    let report: (@Sendable (BenchProgress) -> Void)?

    /// Runs `body`, reporting `live`'s counts in the phase `phase` says for each moment.
    func run<Value: Sendable>(
        live: LiveCounters,
        phase: @escaping @Sendable (NIODeadline) -> (BenchProgress.Phase, elapsed: Double),
        _ body: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        guard let report else { return try await body() }
        return try await withThrowingTaskGroup(of: Value?.self) { group in
            group.addTask {
                while (try? await Task.sleep(for: .seconds(1))) != nil {
                    let (phase, elapsed) = phase(.now())
                    let (responses, failures) = live.snapshot
                    report(BenchProgress(phase: phase, elapsed: elapsed, responses: responses, failures: failures))
                }
                return nil
            }
            let value = try await body()
            group.cancelAll()
            return value
        }
    }
}
