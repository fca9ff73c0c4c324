import NIOCore
import NIOPosix
import PrivyJSON

/// A load generator for privy-edge's API: closed-loop HTTP/1.1 connections on SwiftNIO, each
/// with one request in flight (like wrk), measuring throughput and latency.
public struct Bench: Sendable {
    /// How the bench runs.
    public let settings: BenchSettings

    /// - Throws: ``BenchError`` for settings that cannot run.
    public init(settings: BenchSettings) throws {
        guard settings.concurrency > 0 else { throw BenchError("--concurrency must be at least 1") }
        guard settings.threads > 0 else { throw BenchError("--threads must be at least 1") }
        guard (0...1).contains(settings.newShare) else { throw BenchError("--new-share must be between 0 and 1") }
        guard (0...1).contains(settings.readShare) else { throw BenchError("--read-share must be between 0 and 1") }
        guard (1...10_000_000).contains(settings.customers) else { throw BenchError("--customers must be between 1 and 10,000,000") }
        if case .requests(let count) = settings.stop, count < 1 { throw BenchError("--requests must be at least 1") }
        if case .duration(let duration) = settings.stop, duration <= .zero { throw BenchError("--duration must be positive") }
        if case .zipfian(let exponent) = settings.keys, !(exponent > 0) { throw BenchError("--zipf-exponent must be positive") }
        guard settings.warmup >= .zero else { throw BenchError("--warmup must not be negative") }
        self.settings = settings
    }

    /// Runs the bench against `target`: seeds contacts if the workload reads or patches them,
    /// warms up, measures. Cancelling the task ends the run early with what was measured.
    /// - Parameters:
    ///   - target: the server.
    ///   - progress: told about once a second where the run is.
    /// - Returns: what was measured.
    public func run(against target: BenchTarget, progress: (@Sendable (BenchProgress) -> Void)? = nil) async throws -> BenchReport {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: settings.threads)
        let outcome: Result<BenchReport, any Error>
        do {
            outcome = .success(try await measure(target: target, group: group, ticker: ProgressTicker(report: progress)))
        } catch {
            outcome = .failure(error)
        }
        try await group.shutdownGracefully()
        return try outcome.get()
    }

    private func measure(target: BenchTarget, group: any EventLoopGroup, ticker: ProgressTicker) async throws -> BenchReport {
        let settings = settings
        let renderer = RequestRenderer(target: target)
        let customers = CustomerPool(count: settings.customers)
        let contacts = settings.workload == .orders ? [] : try await seed(target: target, group: group, renderer: renderer, customers: customers, ticker: ticker)
        try Task.checkCancellation()
        let keys = OrderKeySpace()
        let bodies = OrderBodyWriter(idBase: settings.runID, customers: customers)
        let picker = KeyPicker(settings.keys)
        let start = NIODeadline.now()
        let schedule = RunSchedule(start: start, warmup: settings.warmup, stop: settings.stop)
        let live = LiveCounters()
        let run = LoadRun(group: group, target: target, connections: settings.concurrency, schedule: schedule, live: live) { slot in
            let seed = SplitMix64.mix(UInt64(settings.runID) &+ UInt64(slot))
            let orders = OrderPlan(renderer: renderer, path: settings.ordersPath, keys: keys, bodies: bodies, picker: picker, newShare: settings.newShare, seed: seed)
            switch settings.workload {
            case .orders:
                return orders
            case .contacts:
                return ContactPlan(renderer: renderer, contacts: contacts, customers: customers, picker: picker, newShare: settings.newShare, runTag: settings.runID, slot: slot, seed: seed)
            case .mixed:
                return MixedPlan(renderer: renderer, contacts: contacts, writes: orders, picker: picker, readShare: settings.readShare, seed: seed)
            }
        }
        // The first sample runs off the load generator's threads: `sync` may block.
        let firstSample = settings.probe.map { probe in
            Task {
                try await Task.sleep(for: .nanoseconds(max(0, (schedule.measureFrom - .now()).nanoseconds)))
                return try probe.sample()
            }
        }
        let (tally, seconds) = try await ticker.run(live: live, phase: { now in
            now < schedule.measureFrom
                ? (.warmingUp, (now - start).seconds)
                : (.measuring, (now - schedule.measureFrom).seconds)
        }, run.run)
        var report = BenchReport(label: settings.resolvedLabel, settings: describe(target: target), tally: tally, seconds: seconds)
        if let probe = settings.probe, let firstSample {
            report.server = ServerUsage(from: try await firstSample.value, to: try probe.sample(), responses: tally.responses)
        }
        return report
    }

    /// Creates every customer's contact, with as many connections as the run, and returns their ids.
    private func seed(target: BenchTarget, group: any EventLoopGroup, renderer: RequestRenderer, customers: CustomerPool, ticker: ProgressTicker) async throws -> [String] {
        let results = SeededContacts(customers: customers.count)
        let start = NIODeadline.now()
        let live = LiveCounters()
        let slots = min(settings.concurrency, customers.count)
        let run = LoadRun(
            group: group, target: target, connections: slots,
            schedule: RunSchedule(start: start, warmup: .zero, stop: .requests(.max)), live: live
        ) { slot in
            SeedPlan(renderer: renderer, customers: customers, results: results, slot: slot, slots: slots)
        }
        _ = try await ticker.run(live: live, phase: { now in (.seeding, (now - start).seconds) }, run.run)
        try Task.checkCancellation()
        return try results.all()
    }

    /// The settings and target as the JSON report records them.
    private func describe(target: BenchTarget) -> JSONObject {
        var members: [(String, JSONValue)] = [
            ("target", .string(target.name)),
            ("workload", .string(settings.workload.rawValue)),
            ("concurrency", .number(JSONNumber(settings.concurrency))),
        ]
        switch settings.stop {
        case .duration(let duration): members.append(("duration_seconds", .number(JSONNumber(duration.seconds, places: 3))))
        case .requests(let count): members.append(("requests", .number(JSONNumber(count))))
        }
        members.append(("warmup_seconds", .number(JSONNumber(settings.warmup.seconds, places: 3))))
        if settings.workload != .mixed || settings.readShare < 1 {
            members.append(("new_share", .number(JSONNumber(settings.newShare, places: 3))))
        }
        members.append(("keys", .string(settings.keys.description)))
        if settings.workload == .mixed {
            members.append(("read_share", .number(JSONNumber(settings.readShare, places: 3))))
        }
        if settings.workload != .contacts {
            members.append(("orders_path", .string(settings.ordersPath)))
        }
        members.append(("customers", .number(JSONNumber(settings.customers))))
        members.append(("threads", .number(JSONNumber(settings.threads))))
        members.append(("run_id", .number(JSONNumber(settings.runID))))
        return JSONObject(members)
    }
}

