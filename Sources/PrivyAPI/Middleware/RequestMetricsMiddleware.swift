public import Hummingbird
public import Metrics
import Synchronization

/// The outermost middleware: counts every request by route, method and status
/// (`privy_edge_http_requests_total`) and records its latency by route and method
/// (`privy_edge_http_request_duration_seconds`), through swift-metrics.
///
/// The route is the registered pattern (`/v1/contacts/{id}`), never the raw path, and a method
/// outside the usual ones counts as `OTHER`, so what a client sends cannot multiply the series;
/// requests no route took count as `NotFound`, as Hummingbird names them.
public struct RequestMetricsMiddleware: RouterMiddleware {
    public typealias Context = EdgeRequestContext

    private let instruments: Instruments

    /// Creates the middleware.
    /// - Parameter factory: where the metrics go (a per-app factory in tests).
    public init(factory: any MetricsFactory) {
        instruments = Instruments(factory: factory)
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            record(request, context, status: response.status, since: start)
            return response
        } catch {
            record(request, context, status: (error as? any HTTPResponseError)?.status ?? .internalServerError, since: start)
            throw error
        }
    }

    private func record(_ request: Request, _ context: Context, status: HTTPResponse.Status, since start: ContinuousClock.Instant) {
        let route = context.endpointPath ?? "NotFound"
        let method = Self.knownMethods.contains(request.method) ? request.method.rawValue : "OTHER"
        instruments.requests(route: route, method: method, status: status.code).increment()
        instruments.latency(route: route, method: method).record(duration: start.duration(to: .now))
    }

    private static let knownMethods: Set<HTTPRequest.Method> = [.get, .head, .post, .put, .patch, .delete, .options]
}

/// The counters and timers made so far, one per series, so a request costs one dictionary
/// lookup rather than a registration with the metrics backend.
private final class Instruments: Sendable {
    private typealias Dimensions = [(String, String)]

    private let factory: any MetricsFactory
    private let counters = Mutex<[[String]: Counter]>([:])
    private let timers = Mutex<[[String]: Timer]>([:])

    init(factory: any MetricsFactory) {
        self.factory = factory
    }

    func requests(route: String, method: String, status: Int) -> Counter {
        Self.instrument(in: counters, [("route", route), ("method", method), ("status", String(status))]) { [factory] in
            Counter(label: "privy_edge_http_requests_total", dimensions: $0, factory: factory)
        }
    }

    func latency(route: String, method: String) -> Timer {
        Self.instrument(in: timers, [("route", route), ("method", method)]) { [factory] in
            Timer(label: "privy_edge_http_request_duration_seconds", dimensions: $0, preferredDisplayUnit: .seconds, factory: factory)
        }
    }

    private static func instrument<Instrument: Sendable>(
        in cache: borrowing Mutex<[[String]: Instrument]>,
        _ dimensions: Dimensions,
        make: (Dimensions) -> Instrument
    ) -> Instrument {
        let key = dimensions.map(\.1)
        return cache.withLock { cache in
            if let instrument = cache[key] { return instrument }
            let instrument = make(dimensions)
            cache[key] = instrument
            return instrument
        }
    }
}
