import ArgumentParser
import Foundation
import Hummingbird
import Logging

/// `privy-echo`: the JSON-echo ceiling of our HTTP stack, the baseline `make bench` measures
/// privy-edge against. Built by `make bench` only; it is not part of the product.
///
/// It serves `POST /v1/orders/placed` the way a typical Hummingbird app does it: decode the order
/// with Foundation's `JSONDecoder` into a `Codable` struct, encode it back as the reply. No auth,
/// no validation, no storage. Whatever the real route reaches against this is our efficiency.
@main
struct EchoServer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "privy-echo",
        abstract: "Benchmark baseline: decode-and-reply orders, storing nothing."
    )

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8081

    func run() async throws {
        var logger = Logger(label: "privy-echo")
        logger.logLevel = .warning
        let router = Router()
        router.post("v1/orders/placed") { request, context in
            try await request.decode(as: EchoedOrder.self, context: context)
        }
        let application = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "privy-echo"),
            logger: logger
        )
        try await application.runService()
    }
}

/// The order fields the benchmark bodies carry, as a `Codable` value.
private struct EchoedOrder: Codable, ResponseEncodable {
    struct LineItem: Codable {
        var sku: String
        var quantity: Int
        var price: String
    }

    var order_id: Int64
    var total: String
    var currency: String
    var order_date: String
    var email: String?
    var phone: String?
    var financial_status: String?
    var line_items: [LineItem]?
}
