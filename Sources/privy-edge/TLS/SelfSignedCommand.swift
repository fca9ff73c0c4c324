import ArgumentParser
import Foundation

/// `privy-edge tls self-signed --host NAME [--out DIR]`: a key and a self-signed certificate
/// for a shop without a CA, and the fingerprint clients pin.
struct SelfSignedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "self-signed",
        abstract: "Write a private key and a self-signed certificate, valid five years, and print its SHA-256 fingerprint to pin.",
        discussion: """
            Writes DIR/privy-edge.key (mode 0600) and DIR/privy-edge.crt. Serve them with --tls-cert and --tls-key; \
            clients either pin the printed fingerprint or trust privy-edge.crt as their CA file.
            """
    )

    @Option(help: "A name or IP address clients reach the appliance by (repeat for more); the first is the common name.")
    var host: [String] = []

    @Option(help: "The directory to write privy-edge.key and privy-edge.crt to.")
    var out = "."

    @Flag(help: "Overwrite existing files.")
    var force = false

    func validate() throws {
        guard !host.isEmpty else { throw ValidationError("give at least one --host: the name or address clients use, such as till.shop.lan or 192.168.1.20") }
    }

    func run() async throws {
        let identity = try SelfSignedIdentity(hosts: host)
        let directory = URL(fileURLWithPath: out, isDirectory: true)
        let keyFile = directory.appendingPathComponent("privy-edge.key").path
        let certificateFile = directory.appendingPathComponent("privy-edge.crt").path
        for file in [keyFile, certificateFile] where !force && FileManager.default.fileExists(atPath: file) {
            throw ValidationError("\(file) exists; pass --force to replace it")
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try write(identity.keyPEM, to: keyFile, mode: 0o600)
        try write(identity.certificatePEM, to: certificateFile, mode: 0o644)
        print("Wrote \(keyFile) (private key, mode 0600) and \(certificateFile) (certificate for \(host.joined(separator: ", ")), valid until \(identity.notValidAfter.ISO8601Format())).")
        print("SHA-256 fingerprint to pin: \(identity.fingerprint)")
        print("Serve it: privy-edge serve --host 0.0.0.0 --tls-cert \(certificateFile) --tls-key \(keyFile)")
    }

    /// Writes `text` to `path` with permissions `mode` from the start (the key is never readable by others).
    private func write(_ text: String, to path: String, mode: Int) throws {
        try? FileManager.default.removeItem(atPath: path)
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: mode]) else {
            throw ValidationError("cannot write \(path)")
        }
    }
}
