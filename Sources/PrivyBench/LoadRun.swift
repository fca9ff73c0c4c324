import NIOCore

/// Runs closed-loop connections against a target on a schedule, and merges what they measured.
struct LoadRun: Sendable {
    let group: any EventLoopGroup
    let target: BenchTarget
    let connections: Int
    let schedule: RunSchedule
    let live: LiveCounters
    /// The requests of connection `slot`; called on that connection's event loop.
    let makePlan: @Sendable (_ slot: Int) -> any RequestPlan

    /// Runs until the schedule ends or the task is cancelled (which ends it early, keeping what
    /// was measured).
    /// - Returns: the merged tally and the measured window in seconds.
    func run() async throws -> (tally: Tally, seconds: Double) {
        var handles: [NIOLoopBound<LoadConnection>] = []
        var results: [EventLoopFuture<Tally>] = []
        for slot in 0..<connections {
            let loop = group.next()
            let (handle, result) = try await loop.submit { [target, schedule, live, makePlan] in
                let connection = LoadConnection(eventLoop: loop, target: target, plan: makePlan(slot), schedule: schedule, live: live)
                connection.start()
                return (NIOLoopBound(connection, eventLoop: loop), connection.result)
            }.get()
            handles.append(handle)
            results.append(result)
        }
        let stopAll: @Sendable () -> Void = { [handles, schedule] in
            schedule.stop()
            for handle in handles {
                handle.eventLoop.execute { handle.value.stop() }
            }
        }
        let tally = try await withTaskCancellationHandler {
            if let until = schedule.measureUntil {
                try? await Task.sleep(for: .nanoseconds((until - .now()).nanoseconds))
                stopAll()
            }
            var tally = Tally()
            for result in results {
                tally.merge(try await result.get())
            }
            return tally
        } onCancel: {
            stopAll()
        }
        let end = schedule.measureUntil.map { min($0, .now()) } ?? tally.lastResponse
        return (tally, max(0, (end - schedule.measureFrom).seconds))
    }
}
