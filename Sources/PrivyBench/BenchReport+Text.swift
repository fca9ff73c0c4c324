import PrivyJSON

extension BenchReport {
    /// The report for people: throughput, percentiles, statuses, errors.
    public func summary() -> String {
        let target: String
        if case .string(let name)? = settings["target"] { target = name } else { target = "?" }
        let statusText = statuses.sorted { $0.key < $1.key }
            .map { "\($0.key) × \(NumberText.grouped($0.value))" }
            .joined(separator: "   ")
        var errors: [String] = []
        if non2xx > 0 { errors.append("\(NumberText.grouped(non2xx)) non-2xx") }
        if connectionErrors > 0 { errors.append("\(NumberText.grouped(connectionErrors)) connection errors") }
        let percentiles = latency.named.map { "\($0.name) \(NumberText.milliseconds($0.milliseconds))" }.joined(separator: "   ")
        let usage = server.map { server in
            var parts = ["CPU \(NumberText.fixed(server.processCPUMicroseconds, places: 1)) µs"]
            if let writer = server.writerCPUMicroseconds { parts.append("writer thread \(NumberText.fixed(writer, places: 1)) µs") }
            if let disk = server.diskBytes { parts.append("disk \(NumberText.grouped(Int(disk.rounded()))) B") }
            return "\n  server       " + parts.joined(separator: "   ") + " per response"
        } ?? ""
        return """
        \(label) → \(target)
          throughput   \(NumberText.fixed(throughput, places: 1)) req/s (\(NumberText.grouped(requests)) responses in \(NumberText.fixed(seconds, places: 2)) s)
          latency ms   \(percentiles)   (mean \(NumberText.milliseconds(latency.mean)))
          status       \(statusText.isEmpty ? "no responses" : statusText)
          errors       \(errors.isEmpty ? "none" : errors.joined(separator: ", "))\(usage)
        """
    }
}
