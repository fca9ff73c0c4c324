import Glibc
public import NIOSSL
public import PrivyDomain

/// The API listener's TLS identity on disk: a PEM certificate chain (the server's certificate
/// first, then any intermediates) and the PEM private key of that certificate.
public struct TLSFiles: Sendable, Hashable {
    /// The PEM certificate chain (`tls_cert`).
    public var certificatePath: String
    /// The PEM private key (`tls_key`).
    public var keyPath: String

    /// Names the two files; nothing is read until ``serverContext(now:)``.
    public init(certificatePath: String, keyPath: String) {
        self.certificatePath = certificatePath
        self.keyPath = keyPath
    }

    /// Reads both files and builds a server context that speaks TLS 1.2 and later.
    /// - Parameter now: the time the certificate must still be valid at.
    /// - Returns: the context each new connection's TLS handler is made from.
    /// - Throws: ``TLSFileError`` naming the file that cannot be read, holds no PEM certificate or
    ///   key, holds an expired certificate, or holds a key that does not match the certificate.
    public func serverContext(now: Timestamp = .now()) throws -> NIOSSLContext {
        let chain = try Self.read(certificatePath, "a PEM certificate") { try NIOSSLCertificate.fromPEMFile($0) }
        guard let leaf = chain.first else { throw TLSFileError(path: certificatePath, problem: "holds no PEM certificate") }
        let expiry = Timestamp(microsecondsSinceEpoch: Int64(leaf.notValidAfter) * 1_000_000)
        guard expiry > now else { throw TLSFileError(path: certificatePath, problem: "holds a certificate that expired at \(expiry.rfc3339)") }
        let key = try Self.read(keyPath, "a PEM private key") { try NIOSSLPrivateKey(file: $0, format: .pem) }
        var configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv12
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw TLSFileError(path: keyPath, problem: "holds a key that does not match the certificate in \(certificatePath)")
        }
    }

    /// Parses `path`, reporting an unreadable file by the system's reason and an unparsable one as not `what`.
    private static func read<Value>(_ path: String, _ what: String, _ parse: (String) throws -> Value) throws -> Value {
        guard access(path, R_OK) == 0 else {
            throw TLSFileError(path: path, problem: "cannot be read: \(String(cString: strerror(errno)))")
        }
        do {
            return try parse(path)
        } catch {
            throw TLSFileError(path: path, problem: "does not hold \(what)")
        }
    }
}
