/// A Prometheus text exposition, read back for assertions.
struct Exposition: Sendable {
    let text: String

    /// The value of the sample `name` whose labels include `labels`; `nil` if there is none.
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " ") else { continue }
            let series = line[..<space]
            let sampleName = series.prefix { $0 != "{" }
            guard sampleName == name, labels.allSatisfy({ series.contains("\($0.key)=\"\($0.value)\"") }) else { continue }
            return Double(line[line.index(after: space)...])
        }
        return nil
    }

    /// Whether the exposition declares the metric family `name` (its `# TYPE` line).
    func declares(_ name: String) -> Bool {
        text.contains("# TYPE \(name) ")
    }
}
