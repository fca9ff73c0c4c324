public import ServiceLifecycle

/// A service that marks the server as draining as soon as graceful shutdown begins. Put it last
/// in the service group, which shuts services down in reverse order: `/readyz` then answers 503
/// while the API finishes its requests.
public struct DrainWatch: Service {
    private let readiness: Readiness

    /// Creates the watch.
    /// - Parameter readiness: what to mark.
    public init(readiness: Readiness) {
        self.readiness = readiness
    }

    public func run() async {
        try? await gracefulShutdown()
        readiness.beginDraining()
    }
}
