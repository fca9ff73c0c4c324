import PrivyJSON

extension BenchReport {
    /// The report as JSON (what `--out` writes).
    public func json() -> [UInt8] {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("label"); writer.string(label)
        writer.key("settings"); writer.value(.object(settings))
        writer.key("requests"); writer.int(requests)
        writer.key("duration_seconds"); writer.number(JSONNumber(seconds, places: 3))
        writer.key("throughput_rps"); writer.number(JSONNumber(throughput, places: 1))
        writer.key("latency_ms")
        writer.beginObject()
        for (key, value) in [("p50", latency.p50), ("p90", latency.p90), ("p99", latency.p99), ("p99_9", latency.p999), ("max", latency.max), ("mean", latency.mean)] {
            writer.key(key); writer.number(JSONNumber(value, places: 3))
        }
        writer.endObject()
        writer.key("status_counts")
        writer.beginObject()
        for (status, count) in statuses.sorted(by: { $0.key < $1.key }) {
            writer.key(String(status)); writer.int(count)
        }
        writer.endObject()
        writer.key("errors")
        writer.beginObject()
        writer.key("non_2xx"); writer.int(non2xx)
        writer.key("connection"); writer.int(connectionErrors)
        writer.endObject()
        if let server {
            writer.key("server")
            writer.beginObject()
            writer.key("cpu_us_per_request"); writer.number(JSONNumber(server.processCPUMicroseconds, places: 2))
            if let writerCPU = server.writerCPUMicroseconds {
                writer.key("writer_cpu_us_per_request"); writer.number(JSONNumber(writerCPU, places: 2))
            }
            if let diskBytes = server.diskBytes {
                writer.key("disk_bytes_per_request"); writer.number(JSONNumber(diskBytes, places: 1))
            }
            writer.endObject()
        }
        writer.key("distribution")
        writer.beginArray()
        for point in distribution {
            writer.beginObject()
            writer.key("percentile"); writer.number(JSONNumber(point.percentile, places: 6))
            writer.key("latency_ms"); writer.number(JSONNumber(point.milliseconds, places: 3))
            writer.key("count"); writer.int(point.count)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.bytes + [0x0A]
    }

    /// Reads a report written by ``json()``.
    /// - Throws: ``BenchError`` if the bytes are not such a report.
    public init(json bytes: [UInt8]) throws {
        let parsed: JSONValue
        do {
            parsed = try JSONParser.parse(bytes)
        } catch {
            throw BenchError("not JSON: \(error)")
        }
        guard case .object(let root) = parsed,
              case .string(let label) = root["label"],
              case .object(let settings) = root["settings"] ?? .object([:]),
              let requests = Self.double(root["requests"]),
              let seconds = Self.double(root["duration_seconds"]),
              let throughput = Self.double(root["throughput_rps"]),
              case .object(let latency) = root["latency_ms"],
              case .object(let statuses) = root["status_counts"],
              case .object(let errors) = root["errors"],
              case .array(let distribution) = root["distribution"]
        else { throw BenchError("not a bench report (written by privy-edge bench --out)") }
        self.label = label
        self.settings = settings
        self.requests = Int(requests)
        self.seconds = seconds
        self.throughput = throughput
        let figure = { (key: String) in Self.double(latency[key]) ?? 0 }
        self.latency = LatencySummary(p50: figure("p50"), p90: figure("p90"), p99: figure("p99"), p999: figure("p99_9"), max: figure("max"), mean: figure("mean"))
        self.statuses = Dictionary(uniqueKeysWithValues: statuses.compactMap { key, value in
            Int(key).flatMap { status in Self.double(value).map { (status, Int($0)) } }
        })
        connectionErrors = Self.double(errors["connection"]).map { Int($0) } ?? 0
        self.distribution = distribution.compactMap { element in
            guard case .object(let point) = element,
                  let percentile = Self.double(point["percentile"]),
                  let milliseconds = Self.double(point["latency_ms"])
            else { return nil }
            return PercentilePoint(percentile: percentile, milliseconds: milliseconds, count: Self.double(point["count"]).map { Int($0) } ?? 0)
        }
        if case .object(let server) = root["server"], let cpu = Self.double(server["cpu_us_per_request"]) {
            self.server = ServerUsage(
                processCPUMicroseconds: cpu,
                writerCPUMicroseconds: Self.double(server["writer_cpu_us_per_request"]),
                diskBytes: Self.double(server["disk_bytes_per_request"])
            )
        }
    }

    private static func double(_ value: JSONValue?) -> Double? {
        guard case .number(let number) = value else { return nil }
        return Double(number.text)
    }
}
