import NIOCore

/// One connection's stream of requests. A plan belongs to its connection's event loop.
protocol RequestPlan: AnyObject {
    /// Whether ``completed(status:body:)`` needs the response bodies.
    var wantsBody: Bool { get }

    /// Writes the next request into `buffer`; `false` when the plan has no more.
    func writeNext(into buffer: inout ByteBuffer) -> Bool

    /// Learns the response to the last request; `body` is empty unless ``wantsBody``.
    func completed(status: Int, body: ByteBuffer)
}

extension RequestPlan {
    var wantsBody: Bool { false }

    func completed(status: Int, body: ByteBuffer) {}
}
