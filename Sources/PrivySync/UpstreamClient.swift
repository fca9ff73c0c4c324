import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// Sends one call to the upstream over AsyncHTTPClient and reads the whole answer.
struct UpstreamClient: Sendable {
    let http: HTTPClient
    let endpoint: UpstreamEndpoint
    let timeout: Duration
    let metrics: UpstreamMetrics

    /// Sends `request` with `bearer`.
    /// - Returns: the answer, whatever its status.
    /// - Throws: ``SyncInterruption/unreachable(request:reason:)`` when no answer came.
    func send(_ request: UpstreamRequest, bearer: String) async throws -> UpstreamResponse {
        var call = HTTPClientRequest(url: endpoint.baseURL + request.path)
        call.method = HTTPMethod(rawValue: request.method.rawValue)
        call.headers.add(name: "Authorization", value: "Bearer \(bearer)")
        call.headers.add(name: "User-Agent", value: "privy-edge-sync")
        if let body = request.body {
            call.headers.add(name: "Content-Type", value: "application/json")
            call.body = .bytes(ByteBuffer(bytes: body))
        }
        let start = ContinuousClock.now
        do {
            let response = try await http.execute(call, timeout: .nanoseconds(timeout.nanoseconds))
            let body = try await response.body.collect(upTo: 1 << 20)
            metrics.recordCall(request, status: Int(response.status.code), duration: start.duration(to: .now))
            return UpstreamResponse(
                status: Int(response.status.code),
                body: Array(body.readableBytesView),
                rateLimit: RateLimitReport { response.headers.first(name: $0) }
            )
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            metrics.recordCall(request, status: nil, duration: start.duration(to: .now))
            throw SyncInterruption.unreachable(request: request.description, reason: "\(error)")
        }
    }
}
