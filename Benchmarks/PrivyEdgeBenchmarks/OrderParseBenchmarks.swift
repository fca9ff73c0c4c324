import Benchmark
import PrivyAPI
import PrivyDomain
import PrivyJSON

/// The request side of `POST /v1/orders/placed`: bytes to JSON, JSON to draft, draft to order.
enum OrderParseBenchmarks {
    static func register() {
        let body = Fixtures.orderBody(id: 1_000_042, buyer: 7)
        let parser = JSONParser()
        Benchmark("Order.jsonParse", configuration: Measurement.perCall(.kilo)) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try parser.parse(body))
            }
        }
        // The endpoint's reader (PrivyWire's `OrderDraft(json:)`) and the rules' check
        // (`OrderRules.check`) through their bulk caller, the import batch: one line per body, as
        // `privy-edge import` reads and checks them before the writer takes them.
        let chunk = Self.chunk(of: BenchmarkScalingFactor.kilo.rawValue, body)
        Benchmark("Order.bodyToDraft", configuration: Measurement.perCall(.kilo)) { benchmark in
            blackHole(OrderImportBatch(chunk, maxLineBytes: 1 << 20))
        }
        let draft = Fixtures.orderDraft(id: 1_000_042, buyer: 7)
        Benchmark("Order.draftValidation", configuration: Measurement.perCall(.kilo)) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(OrderRules.upsert(draft, over: nil, now: Fixtures.now))
            }
        }
    }

    /// `count` copies of `line`, newline-separated, as an NDJSON reader hands them over.
    private static func chunk(of count: Int, _ line: [UInt8]) -> OrderHistoryChunk {
        var bytes: [UInt8] = []
        var lines: [OrderHistoryChunk.Line] = []
        for number in 1...count {
            lines.append(.init(number: number, range: bytes.count..<bytes.count + line.count))
            bytes += line + [UInt8(ascii: "\n")]
        }
        return OrderHistoryChunk(bytes: bytes, lines: lines)
    }
}
