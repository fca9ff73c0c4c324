import Logging
import PrivyAPI
import ServiceLifecycle
import UnixSignals

/// Re-reads the API's TLS certificate and key on each SIGHUP (`systemctl reload`). New
/// connections get the new certificate; open ones finish on the old. Files that do not serve
/// are logged and the previous certificate stays. Without TLS, SIGHUP is logged and ignored
/// rather than ending the process.
struct TLSReloader: Service {
    let credentials: TLSCredentials?
    let logger: Logger

    func run() async throws {
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        for await _ in hangups.cancelOnGracefulShutdown() {
            guard let credentials else {
                logger.notice("SIGHUP: TLS is off, nothing to reload")
                continue
            }
            do {
                try credentials.reload()
                logger.notice("TLS certificate reloaded", metadata: ["tls_cert": "\(credentials.files.certificatePath)"])
            } catch {
                logger.error("TLS reload failed, still serving the previous certificate: \(error)")
            }
        }
    }
}
