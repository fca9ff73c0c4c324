import Benchmark
import PrivyDomain
import PrivyStore

/// The store's binary record layout: what every read decodes and every write encodes.
enum RecordBenchmarks {
    static func register() {
        Benchmark("Record: contact encode", configuration: Measurement.perCall(.kilo)) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(Fixtures.contact.encoded())
            }
        }
        Benchmark("Record: order encode", configuration: Measurement.perCall(.kilo)) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(Fixtures.order.encoded())
            }
        }
        let contact = Fixtures.contact.encoded()
        Benchmark("Record: contact decode", configuration: Measurement.perCall(.kilo)) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try contact.withUnsafeBytes(Contact.init(decoding:)))
            }
        }
        let order = Fixtures.order.encoded()
        Benchmark("Record: order decode", configuration: Measurement.perCall(.kilo)) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try order.withUnsafeBytes(Order.init(decoding:)))
            }
        }
    }
}
