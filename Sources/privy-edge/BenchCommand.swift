public import ArgumentParser
import Foundation
import Glibc
public import PrivyBench
import PrivyStore
import UnixSignals

/// `privy-edge bench`: load-test the API (an embedded server, or one at `--url`), and plot results.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Load-test the API: throughput and latency of order upserts, contact writes or a read/write mix.",
        subcommands: [Run.self, Plot.self],
        defaultSubcommand: Run.self
    )

    /// `privy-edge bench [run]`: one measured run.
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a load test: without --url against an embedded server on a temporary data directory (under $TMPDIR)."
        )

        @Option(help: "The server's base URL (http://host:port, or https://host:port with TLS); default: an embedded server.")
        var url: String?

        @Option(name: .customLong("ca-file"), help: "For an https:// --url: a PEM file of the certificates to trust instead of the system's (a self-signed certificate, or the shop's CA).")
        var caFile: String?

        @Option(help: "Bearer token for --url with the scopes the workload needs (env PRIVY_EDGE_TOKEN).")
        var token: String?

        @Option(name: .customLong("integration-token"), help: "X-Privy-Integration-Token for order upserts to --url (optional).")
        var integrationToken: String?

        @Option(help: "The embedded server's durability: durable or relaxed.")
        var durability: Durability = .durable

        @Option(help: "orders (upserts), contacts (creates and patches) or mixed (contact reads and order upserts).")
        var workload: Workload = .orders

        @Option(name: [.short, .long], help: "Concurrent connections, each with one request in flight.")
        var concurrency = 64

        @Option(help: "How long to measure, such as 10s or 2m (default 10s).")
        var duration: Duration?

        @Option(help: "How many requests to measure, instead of a duration.")
        var requests: Int?

        @Option(help: "Load before measuring, not counted.")
        var warmup = Duration.seconds(2)

        @Option(name: .customLong("new-share"), help: "Share of writes that create (a new order or contact) rather than update.")
        var newShare = 0.5

        @Option(help: "Which order or contact an update or read picks: uniform or zipfian.")
        var keys: KeyChoice = .uniform

        @Option(name: .customLong("zipf-exponent"), help: "The skew of --keys zipfian.")
        var zipfExponent = 0.99

        @Option(name: .customLong("read-share"), help: "mixed: share of requests that are reads.")
        var readShare = 0.8

        @Option(help: "Distinct customers; contacts and mixed create their contacts before measuring.")
        var customers = 10_000

        @Option(help: "Event-loop threads of the load generator.")
        var threads = 1

        @Option(help: "Post the orders workload's bodies to this path instead of /v1/orders/placed (an echo route, say).")
        var path: String?

        @Option(help: "The run's name in reports and plots.")
        var label: String?

        @Option(name: .customLong("server-pid"), help: "Report this server process's CPU and its writer thread's per response (default with the embedded server: this process).")
        var serverPID: Int32?

        @Option(name: .customLong("disk-device"), help: "Report bytes written to this block device (as /proc/diskstats names it, such as vda) per response; syncs before each reading.")
        var diskDevice: String?

        @Option(help: "Write the report as JSON to this file.")
        var out: String?

        @Option(help: "Write a latency-percentile plot (SVG) to this file.")
        var plot: String?

        enum KeyChoice: String, ExpressibleByArgument, CaseIterable {
            case uniform
            case zipfian
        }

        func validate() throws {
            if duration != nil, requests != nil { throw ValidationError("give --duration or --requests, not both") }
            if url != nil, resolvedToken == nil { throw ValidationError("--url needs --token (or PRIVY_EDGE_TOKEN)") }
            if url == nil, token != nil || integrationToken != nil { throw ValidationError("--token and --integration-token go with --url") }
            if path != nil, workload == .contacts { throw ValidationError("--path applies to the orders and mixed workloads") }
            if diskDevice != nil, url != nil, serverPID == nil { throw ValidationError("--disk-device with --url needs --server-pid") }
        }

        private var resolvedToken: String? {
            token ?? getenv("PRIVY_EDGE_TOKEN").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
        }

        private var settings: BenchSettings {
            var settings = BenchSettings()
            settings.workload = workload
            settings.concurrency = concurrency
            settings.stop = requests.map { .requests($0) } ?? .duration(duration ?? .seconds(10))
            settings.warmup = warmup
            settings.newShare = newShare
            settings.keys = keys == .uniform ? .uniform : .zipfian(exponent: zipfExponent)
            settings.readShare = readShare
            settings.customers = customers
            settings.threads = threads
            settings.ordersPath = path ?? settings.ordersPath
            settings.label = label
            if let processID = serverPID ?? (url == nil ? getpid() : nil) {
                settings.probe = ServerProbe(processID: processID, diskDevice: diskDevice)
            }
            return settings
        }

        func run() async throws {
            let bench = try Bench(settings: settings)
            let progress = ProgressLine.onTerminal()
            let show = progress.map { line in { @Sendable (update: BenchProgress) in line.show(update) } }
            let target = try url.map { try BenchTarget(url: $0, token: resolvedToken ?? "", integrationToken: integrationToken, caFile: caFile) }
            let report = try await Self.untilInterrupted { [durability] in
                if let target {
                    return try await bench.run(against: target, progress: show)
                }
                return try await EmbeddedServer.run(durability: durability) { server in
                    try await bench.run(against: server.target, progress: show)
                }
            }
            progress?.clear()
            print(report.summary())
            if let out {
                try write(report.json(), to: out)
            }
            if let plot {
                try write(Array(LatencyPlot(reports: [report]).svg().utf8), to: plot)
            }
        }

        /// Runs `body`, cancelling it on SIGINT or SIGTERM: the bench then stops early and
        /// reports what it measured, and an embedded server removes its data directory.
        private static func untilInterrupted<Value: Sendable>(_ body: @escaping @Sendable () async throws -> Value) async throws -> Value {
            let work = Task { try await body() }
            let signals = await UnixSignalsSequence(trapping: .sigint, .sigterm)
            let watcher = Task {
                for await _ in signals {
                    work.cancel()
                    return
                }
            }
            defer { watcher.cancel() }
            return try await work.value
        }
    }

    /// `privy-edge bench plot a.json b.json --out plot.svg`: overlay saved runs.
    struct Plot: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Draw the latency percentiles of saved runs (bench --out files) in one SVG.")

        @Argument(help: "Reports written by `privy-edge bench --out`.")
        var reports: [String]

        @Option(help: "The SVG file to write.")
        var out: String

        func validate() throws {
            if reports.isEmpty { throw ValidationError("name at least one report") }
        }

        func run() throws {
            let loaded = try reports.map { path in
                guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("cannot read \(path)") }
                do {
                    return try BenchReport(json: Array(data))
                } catch {
                    throw ValidationError("\(path): \(error)")
                }
            }
            try write(Array(LatencyPlot(reports: loaded).svg().utf8), to: out)
            print("Wrote \(out) (\(loaded.count) run\(loaded.count == 1 ? "" : "s")).")
        }
    }
}

extension Workload: ExpressibleByArgument {}

/// Writes `bytes` to the file at `path`, replacing it.
private func write(_ bytes: [UInt8], to path: String) throws {
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
        throw ValidationError("cannot write \(path)")
    }
}
