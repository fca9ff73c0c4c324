import NIOSSL

/// TLS for a bench against an `https://` URL: one client context for every connection,
/// trusting the system's roots or only a given CA file (a self-signed certificate included).
public final class BenchTLS: Sendable, Equatable {
    /// The CA file trusted instead of the system's roots, if any.
    public let caFile: String?
    /// The context each connection's TLS handler is made from.
    let context: NIOSSLContext

    /// Builds the context.
    /// - Parameter caFile: a PEM file of trusted certificates; `nil` for the system's roots.
    /// - Throws: ``BenchError`` if the CA file cannot be used.
    public init(caFile: String?) throws {
        self.caFile = caFile
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        if let caFile {
            configuration.trustRoots = .file(caFile)
        }
        do {
            context = try NIOSSLContext(configuration: configuration)
        } catch {
            throw BenchError("--ca-file \(caFile ?? "") cannot be used: \(error)")
        }
    }

    public static func == (lhs: BenchTLS, rhs: BenchTLS) -> Bool {
        lhs.caFile == rhs.caFile
    }

    /// The TLS handler for a connection to `host`: SNI and name checks by host name, or by the
    /// peer's address when `host` is an IP address.
    func handler(host: String) throws -> NIOSSLClientHandler {
        let isAddress = host.contains(":") || host.allSatisfy { $0.isNumber || $0 == "." }
        return try NIOSSLClientHandler(context: context, serverHostname: isAddress ? nil : host)
    }
}
