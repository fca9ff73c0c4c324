/// A latency-by-percentile plot of one or more bench reports as a self-contained SVG: the
/// curves on HdrHistogram's percentile axis, and under them a table of each run's throughput,
/// percentiles and errors.
public struct LatencyPlot: Sendable {
    private let reports: [BenchReport]

    private static let palette = ["#2563eb", "#dc2626", "#059669", "#9333ea", "#ea580c", "#0891b2", "#4b5563", "#db2777"]
    private static let font = "font-family=\"Inter, 'Helvetica Neue', Helvetica, Arial, 'DejaVu Sans', sans-serif\""
    private static let width = 960.0
    private static let plotLeft = 84.0
    private static let plotRight = 928.0
    private static let plotTop = 76.0
    private static let plotBottom = 436.0
    private static let tableTop = 500.0
    private static let rowHeight = 26.0
    private static let columns: [(title: String, x: Double)] = [
        ("req/s", 470), ("p50", 550), ("p90", 620), ("p99", 690), ("p99.9", 760), ("max", 830), ("errors", 910),
    ]

    /// - Parameter reports: the runs to draw, in legend order.
    public init(reports: [BenchReport]) {
        self.reports = reports
    }

    /// The plot as SVG text.
    public func svg() -> String {
        let xScale = PercentileScale(covering: reports.flatMap { $0.distribution.map(\.percentile) })
        let yScale = LatencyScale(fitting: reports.map { $0.distribution.last?.milliseconds ?? $0.latency.max }.max() ?? 1)
        let x = { (percentile: Double) in Self.plotLeft + xScale.position(of: percentile) / xScale.end * (Self.plotRight - Self.plotLeft) }
        let y = { (milliseconds: Double) in Self.plotBottom - milliseconds / yScale.top * (Self.plotBottom - Self.plotTop) }
        let height = Self.tableTop + Self.rowHeight * Double(reports.count + 1) + 16
        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(Self.width))" height="\(Int(height))" viewBox="0 0 \(Int(Self.width)) \(Int(height))" \(Self.font)>
        <rect width="100%" height="100%" fill="#ffffff"/>
        <text x="\(Self.plotLeft)" y="34" font-size="20" font-weight="600" fill="#111827">Latency by percentile</text>
        <text x="\(Self.plotLeft)" y="56" font-size="13" fill="#6b7280">privy-edge bench · circles mark p50, p90, p99 and p99.9 · each step right is ten times rarer · lower is better</text>

        """
        for tick in yScale.ticks {
            let ty = Self.coordinate(y(tick))
            svg += "<line x1=\"\(Self.plotLeft)\" y1=\"\(ty)\" x2=\"\(Self.plotRight)\" y2=\"\(ty)\" stroke=\"\(tick == 0 ? "#9ca3af" : "#e5e7eb")\" stroke-width=\"1\"/>\n"
            svg += "<text x=\"\(Self.plotLeft - 10)\" y=\"\(Self.coordinate(y(tick) + 4))\" font-size=\"12\" fill=\"#4b5563\" text-anchor=\"end\">\(yScale.label(tick))</text>\n"
        }
        for tick in xScale.ticks {
            let tx = Self.coordinate(Self.plotLeft + tick.position / xScale.end * (Self.plotRight - Self.plotLeft))
            svg += "<line x1=\"\(tx)\" y1=\"\(Self.plotTop)\" x2=\"\(tx)\" y2=\"\(Self.plotBottom)\" stroke=\"#e5e7eb\" stroke-width=\"1\"/>\n"
            svg += "<text x=\"\(tx)\" y=\"\(Self.plotBottom + 20)\" font-size=\"12\" fill=\"#4b5563\" text-anchor=\"middle\">\(tick.label)</text>\n"
        }
        svg += """
        <text x="\((Self.plotLeft + Self.plotRight) / 2)" y="\(Self.plotBottom + 44)" font-size="13" fill="#374151" text-anchor="middle">percentile of responses</text>
        <text transform="translate(28 \((Self.plotTop + Self.plotBottom) / 2)) rotate(-90)" font-size="13" fill="#374151" text-anchor="middle">latency (ms)</text>

        """
        for (index, report) in reports.enumerated() {
            let points = report.distribution.map { "\(Self.coordinate(x($0.percentile))),\(Self.coordinate(y($0.milliseconds)))" }
            svg += "<polyline fill=\"none\" stroke=\"\(Self.color(index))\" stroke-width=\"2.5\" stroke-linejoin=\"round\" points=\"\(points.joined(separator: " "))\"/>\n"
            let marks = zip([50.0, 90, 99, 99.9], [report.latency.p50, report.latency.p90, report.latency.p99, report.latency.p999])
            for (percentile, milliseconds) in marks where report.requests > 0 {
                svg += "<circle cx=\"\(Self.coordinate(x(percentile)))\" cy=\"\(Self.coordinate(y(milliseconds)))\" r=\"3.5\" fill=\"#ffffff\" stroke=\"\(Self.color(index))\" stroke-width=\"2\"/>\n"
            }
        }
        svg += table()
        svg += "</svg>\n"
        return svg
    }

    /// The legend: one row per run with its colour, name and figures.
    private func table() -> String {
        var rows = "<text x=\"\(Self.plotLeft)\" y=\"\(Self.tableTop)\" font-size=\"12\" font-weight=\"600\" fill=\"#6b7280\">run (latency in ms)</text>\n"
        for column in Self.columns {
            rows += "<text x=\"\(column.x)\" y=\"\(Self.tableTop)\" font-size=\"12\" font-weight=\"600\" fill=\"#6b7280\" text-anchor=\"end\">\(column.title)</text>\n"
        }
        for (index, report) in reports.enumerated() {
            let rowY = Self.tableTop + Self.rowHeight * Double(index + 1)
            rows += "<rect x=\"\(Self.plotLeft)\" y=\"\(rowY - 11)\" width=\"18\" height=\"4\" rx=\"2\" fill=\"\(Self.color(index))\"/>\n"
            rows += "<text x=\"\(Self.plotLeft + 28)\" y=\"\(rowY)\" font-size=\"13\" fill=\"#111827\">\(Self.escaped(Self.truncated(report.label)))</text>\n"
            let errors = report.non2xx + report.connectionErrors
            let cells = [NumberText.grouped(Int(report.throughput.rounded()))]
                + report.latency.named.map { NumberText.milliseconds($0.milliseconds) }
                + [NumberText.grouped(errors)]
            for (column, cell) in zip(Self.columns, cells) {
                let color = column.title == "errors" && errors > 0 ? "#dc2626" : "#111827"
                rows += "<text x=\"\(column.x)\" y=\"\(rowY)\" font-size=\"13\" fill=\"\(color)\" text-anchor=\"end\" font-variant-numeric=\"tabular-nums\">\(cell)</text>\n"
            }
        }
        return rows
    }

    private static func color(_ index: Int) -> String {
        palette[index % palette.count]
    }

    private static func coordinate(_ value: Double) -> String {
        NumberText.fixed(value, places: 1)
    }

    private static func truncated(_ label: String) -> String {
        label.count <= 46 ? label : String(label.prefix(45)) + "…"
    }

    private static func escaped(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
