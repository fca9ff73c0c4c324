public import NIOSSL
import Synchronization

/// The API listener's current TLS context, replaced whole by ``reload()``.
///
/// Each new connection takes the context that is current when it is accepted, so a reload
/// (on SIGHUP) serves the new certificate to new connections while open ones keep theirs.
public final class TLSCredentials: Sendable {
    /// Where the certificate chain and key are read from.
    public let files: TLSFiles
    private let current: Mutex<NIOSSLContext>

    /// Reads the files once.
    /// - Throws: ``TLSFileError`` naming the file at fault.
    public init(files: TLSFiles) throws {
        self.files = files
        current = Mutex(try files.serverContext())
    }

    /// The context for a connection accepted now.
    public var context: NIOSSLContext {
        current.withLock { $0 }
    }

    /// Reads the files again and, if they serve, makes them current; otherwise keeps the old context.
    /// - Throws: ``TLSFileError`` naming the file at fault; nothing changed then.
    public func reload() throws {
        let fresh = try files.serverContext()
        current.withLock { $0 = fresh }
    }
}
