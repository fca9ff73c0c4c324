import Benchmark
import PrivyDomain
import PrivyStore

/// The store's binary record layout: what every read decodes and every write encodes.
enum RecordBenchmarks {
    static func register() {
        Benchmark("Record.contactEncode", configuration: Measurement.perCall(.kilo)) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(Fixtures.contact.encoded())
            }
        }
        Benchmark("Record.orderEncode", configuration: Measurement.perCall(.kilo)) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(Fixtures.order.encoded())
            }
        }
        let contact = Fixtures.contact.encoded()
        Benchmark("Record.contactDecode", configuration: Measurement.perCall(.kilo)) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try contact.withUnsafeBytes(Contact.init(decoding:)))
            }
        }
        let order = Fixtures.order.encoded()
        Benchmark("Record.orderDecode", configuration: Measurement.perCall(.kilo)) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try order.withUnsafeBytes(Order.init(decoding:)))
            }
        }
    }
}
