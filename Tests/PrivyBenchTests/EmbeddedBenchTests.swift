import Foundation
import FoundationXML
import PrivyBench
import PrivyDomain
import PrivyJSON
import PrivyStore
import Testing

/// Short benches against the real server in this process: the report adds up, its JSON and SVG
/// read back, and what was sent is in the store.
@Suite struct EmbeddedBenchTests {
    private static func settings(_ workload: Workload, requests: Int) -> BenchSettings {
        var settings = BenchSettings()
        settings.workload = workload
        settings.concurrency = 8
        settings.stop = .requests(requests)
        settings.warmup = .zero
        settings.customers = 40
        settings.keys = .zipfian(exponent: 0.99)
        settings.runID = 4_200_000_000
        return settings
    }

    @Test func ordersLandInTheStoreAndTheReportAddsUp() async throws {
        let bench = try Bench(settings: Self.settings(.orders, requests: 300))
        try await EmbeddedServer.run(durability: .durable) { server in
            let report = try await bench.run(against: server.target)

            #expect(report.requests == 300)
            #expect(report.statuses.values.reduce(0, +) == report.requests)
            #expect(Set(report.statuses.keys).isSubset(of: [200, 201]))
            #expect(report.connectionErrors == 0)
            #expect(report.throughput > 0)
            let figures = report.latency.named.map(\.milliseconds)
            #expect(figures == figures.sorted())
            #expect(figures[0] > 0)
            #expect(report.distribution.map(\.percentile) == report.distribution.map(\.percentile).sorted())
            #expect(report.distribution.map(\.milliseconds) == report.distribution.map(\.milliseconds).sorted())
            #expect(report.distribution.last?.count == report.requests)

            // Each new order took the next index: exactly indexes 1...created exist, each
            // linked to its customer's contact.
            let created = report.statuses[201] ?? 0
            #expect(created > 0 && created < 300)
            for index in 1...created {
                let order = try #require(try server.store.orders.order(id: String(4_200_000_000 + index)))
                let contactID = try #require(order.contactID)
                let contact = try #require(try server.store.contacts.contact(id: contactID.rawValue))
                #expect(contact.email == order.email)
                #expect(order.integrationID != nil)
            }
            #expect(try server.store.orders.order(id: String(4_200_000_000 + created + 1)) == nil)
        }
    }

    @Test func theJSONReportReadsBackAndThePlotIsWellFormedSVG() async throws {
        let bench = try Bench(settings: Self.settings(.orders, requests: 200))
        let report = try await EmbeddedServer.run(durability: .relaxed) { server in
            try await bench.run(against: server.target)
        }

        let json = report.json()
        let parsed = try JSONParser.parse(json)
        guard case .object(let root) = parsed, case .object(let settings) = root["settings"] else {
            Issue.record("the report is not a JSON object with settings")
            return
        }
        #expect(settings["workload"] == "orders")
        let decoded = try BenchReport(json: json)
        #expect(decoded.requests == report.requests)
        #expect(decoded.statuses == report.statuses)
        #expect(decoded.distribution.count == report.distribution.count)
        #expect(decoded.latency.p99 == (report.latency.p99 * 1_000).rounded() / 1_000)

        var second = decoded
        second.label = "a <second> & \"quoted\" run"
        let svg = LatencyPlot(reports: [decoded, second]).svg()
        let parser = XMLParser(data: Array(svg.utf8).withUnsafeBufferPointer { Data(buffer: $0) })
        let elements = ElementCounter()
        parser.delegate = elements
        #expect(parser.parse(), "the SVG is not well-formed XML: \(String(describing: parser.parserError))")
        #expect(elements.root == "svg")
        #expect(elements.counts["polyline"] == 2)
    }

    @Test func aProbedRunReportsTheServersCPUAndItsWriterThread() async throws {
        var settings = Self.settings(.orders, requests: 400)
        settings.probe = ServerProbe(processID: getpid())
        let bench = try Bench(settings: settings)
        let report = try await EmbeddedServer.run(durability: .durable) { server in
            try await bench.run(against: server.target)
        }
        let usage = try #require(report.server)
        #expect(usage.processCPUMicroseconds > 0)
        let writer = try #require(usage.writerCPUMicroseconds, "no thread named privy-writer")
        #expect(writer >= 0 && writer <= usage.processCPUMicroseconds)
        #expect(usage.diskBytes == nil)
        let decoded = try #require(try BenchReport(json: report.json()).server)
        #expect(abs(decoded.processCPUMicroseconds - usage.processCPUMicroseconds) < 0.01)
        #expect(report.summary().contains("writer thread"))
    }

    @Test func aDeviceTheKernelDoesNotKnowFailsTheRunWithItsName() async throws {
        var settings = Self.settings(.orders, requests: 50)
        settings.probe = ServerProbe(processID: getpid(), diskDevice: "no-such-disk")
        let bench = try Bench(settings: settings)
        let error = await #expect(throws: BenchError.self) {
            try await EmbeddedServer.run(durability: .relaxed) { server in
                try await bench.run(against: server.target)
            }
        }
        #expect(String(describing: error).contains("no-such-disk"))
    }

    @Test(arguments: [Workload.contacts, .mixed])
    func seededWorkloadsAnswerWithoutErrors(workload: Workload) async throws {
        let bench = try Bench(settings: Self.settings(workload, requests: 200))
        try await EmbeddedServer.run(durability: .relaxed) { server in
            let report = try await bench.run(against: server.target)
            #expect(report.requests == 200)
            #expect(report.non2xx == 0, "statuses: \(report.statuses)")
            #expect(report.connectionErrors == 0)
        }
    }
}

/// Counts the elements of an XML document by name.
private final class ElementCounter: NSObject, XMLParserDelegate {
    var root: String?
    var counts: [String: Int] = [:]

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if root == nil { root = name }
        counts[name, default: 0] += 1
    }
}
