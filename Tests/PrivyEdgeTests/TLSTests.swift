import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL
import PrivyJSON
import Testing

/// TLS on the API listener, against the real binary and real TLS clients (AsyncHTTPClient on
/// BoringSSL, and OpenSSL's command line).
@Suite("TLS on the API listener, against the real binary", .serialized)
struct TLSTests {
    @Test("tls self-signed makes an identity whose fingerprint OpenSSL agrees with; a client trusting it gets the API over TLS 1.2+, one trusting another CA is refused")
    func servesTLS() async throws {
        try await TLSWorkspace.run { workspace in
            let served = try workspace.identity("served")
            let other = try workspace.identity("other")
            let openssl = try Shell.run(["openssl", "x509", "-noout", "-fingerprint", "-sha256", "-in", served.certificate])
            #expect(openssl.output.trimmingCharacters(in: .whitespacesAndNewlines) == "sha256 Fingerprint=\(served.fingerprint)")
            let keyMode = try FileManager.default.attributesOfItem(atPath: served.key)[.posixPermissions] as? Int
            #expect(keyMode == 0o600)

            let server = try workspace.serve(served)
            #expect(server.baseURL.hasPrefix("https://"))
            #expect(try await TLSClient.get(server.baseURL + "/v1/contacts", token: workspace.token, trusting: served.certificate) == 200)
            await TLSClient.expectRefused(server.baseURL, trusting: other.certificate, "a client trusting another CA")
            await TLSClient.expectRefused(server.baseURL, trusting: served.certificate, maximumVersion: .tlsv11, "a TLS 1.1 client")
            #expect(server.stop(with: SIGTERM) == 0)
        }
    }

    @Test("on SIGHUP a new certificate is served to new connections while an open connection finishes its request on the old one")
    func reloadsOnHangup() async throws {
        try await TLSWorkspace.run { workspace in
            let old = try workspace.identity("old")
            let new = try workspace.identity("new")
            let live = try workspace.copy(old, as: "live")
            let server = try workspace.serve(live)
            try await TLSClient.with(trusting: old.certificate) { oldClient in
                // A request begun on the old certificate: its body stalls half way across the reload.
                let body = #"{"email":"reload@example.com","first_name":"Across the reload"}"#
                let (chunks, sender) = AsyncStream<ByteBuffer>.makeStream()
                var request = HTTPClientRequest(url: server.baseURL + "/v1/contacts")
                request.method = .POST
                request.headers.add(name: "Authorization", value: "Bearer \(workspace.token)")
                request.headers.add(name: "Content-Type", value: "application/json")
                request.body = .stream(chunks, length: .known(Int64(body.utf8.count)))
                async let answer = oldClient.execute(request, timeout: .seconds(30))
                sender.yield(ByteBuffer(string: String(body.prefix(20))))
                try await Task.sleep(for: .milliseconds(500))

                _ = try workspace.copy(new, as: "live")
                kill(server.process.processIdentifier, SIGHUP)
                try await server.waitForLog("TLS certificate reloaded")
                #expect(try await TLSClient.get(server.baseURL + "/v1/contacts", token: workspace.token, trusting: new.certificate) == 200)
                await TLSClient.expectRefused(server.baseURL, trusting: old.certificate, "a new connection trusting only the old certificate")

                sender.yield(ByteBuffer(string: String(body.dropFirst(20))))
                sender.finish()
                let response = try await answer
                _ = try await response.body.collect(upTo: 1 << 20)
                #expect(response.status.code == 201, "the request begun before the reload finishes on its connection")
            }
            #expect(server.process.isRunning)
            #expect(server.stop(with: SIGTERM) == 0)
        }
    }

    @Test("serve stops, naming the file, on a missing file, a key that does not match, an expired certificate, or half a TLS setting")
    func refusesBadFiles() async throws {
        try await TLSWorkspace.run { workspace in
            let served = try workspace.identity("served")
            let other = try workspace.identity("other")
            let expired = try workspace.expiredIdentity()
            let missing = workspace.directory + "/missing.crt"
            let cases: [(arguments: [String], message: String)] = [
                (["--tls-cert", missing, "--tls-key", served.key], "\(missing) cannot be read"),
                (["--tls-cert", served.certificate, "--tls-key", other.key], "\(other.key) holds a key that does not match the certificate in \(served.certificate)"),
                (["--tls-cert", expired.certificate, "--tls-key", expired.key], "\(expired.certificate) holds a certificate that expired at"),
                (["--tls-cert", served.key, "--tls-key", served.key], "\(served.key) does not hold a PEM certificate"),
                (["--tls-cert", served.certificate], "tls_cert and tls_key go together"),
            ]
            for (arguments, message) in cases {
                let result = try EdgeBinary.run(["serve", "--data-dir", workspace.data, "--port", "0", "--admin-port", "off"] + arguments)
                #expect(result.status != 0 && result.output.contains(message), "\(arguments): \(result.output)")
            }
        }
    }

    @Test("privy-edge bench speaks HTTPS: --url https://… with --ca-file, every request answered")
    func benchOverTLS() async throws {
        try await TLSWorkspace.run { workspace in
            let served = try workspace.identity("served")
            let server = try workspace.serve(served)
            let token = try EdgeBinary.mintToken(dataDirectory: workspace.data, scopes: "contacts_read,contacts_write,orders_write")
            let report = workspace.directory + "/bench.json"
            let run = try EdgeBinary.run([
                "bench", "--url", server.baseURL, "--ca-file", served.certificate, "--token", token, "--workload", "orders",
                "--requests", "200", "--concurrency", "2", "--warmup", "0s", "--customers", "20", "--out", report,
            ])
            #expect(run.status == 0, "\(run.output)")
            let json = try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: report))))
            #expect(json["errors"]?["non_2xx"]?.intValue == 0 && json["errors"]?["connection"]?.intValue == 0, "\(json.serializedString())")
            let answered = (json["status_counts"]?["200"]?.intValue ?? 0) + (json["status_counts"]?["201"]?.intValue ?? 0)
            #expect(answered >= 200)
            let untrusted = try EdgeBinary.run(["bench", "--url", server.baseURL, "--token", token, "--duration", "1s", "--warmup", "0s", "--concurrency", "1"])
            #expect(untrusted.status != 0 || untrusted.output.contains("connection errors"), "without --ca-file the self-signed certificate is not trusted: \(untrusted.output)")
            #expect(server.stop(with: SIGTERM) == 0)
        }
    }

    @Test("sync speaks HTTPS: an edge trusting the upstream's certificate by upstream_ca_file replicates to it")
    func syncOverTLS() async throws {
        try await TLSWorkspace.run { workspace in
            let upstreamIdentity = try workspace.identity("upstream")
            try await TLSClient.with(trusting: upstreamIdentity.certificate) { http in
                let pair = try SyncPair(http: http)
                defer { pair.shutdown() }
                try pair.startUpstream(["--tls-cert", upstreamIdentity.certificate, "--tls-key", upstreamIdentity.key])
                #expect(pair.upstreamURL.hasPrefix("https://"))
                try pair.startEdge(["--upstream-ca-file": upstreamIdentity.certificate])
                let created = try await http.json(.POST, pair.edgeURL + "/v1/contacts", token: pair.edgeAdmin, body: #"{"email":"tls-sync@example.com","first_name":"Over TLS"}"#)
                #expect(created.status == 201)
                let status = try await pair.waitForSync()
                #expect(status["dead_letters"]?.intValue == 0)
                let upstream = try await http.json(.GET, pair.upstreamURL + "/v1/contacts?email=tls-sync@example.com", token: pair.upstreamAdmin)
                #expect(upstream.json["data"]?[0]?["first_name"]?.stringValue == "Over TLS")
            }
        }
    }

    @Test("plain HTTP on a non-loopback address logs a warning at start; on loopback it does not")
    func plainHTTPWarning() async throws {
        try await TLSWorkspace.run { workspace in
            let loopback = try ServerProcess(dataDirectory: workspace.data)
            #expect(!loopback.log.contains("serving plain HTTP"))
            #expect(loopback.stop(with: SIGTERM) == 0)
            let everywhere = try ServerProcess(dataDirectory: workspace.data, extraArguments: ["--host", "0.0.0.0"])
            #expect(everywhere.log.contains("serving plain HTTP on 0.0.0.0"), "\(everywhere.log)")
            #expect(everywhere.stop(with: SIGTERM) == 0)
        }
    }
}

/// A temporary directory with a data directory, a token, and TLS identities made by the binary.
private struct TLSWorkspace {
    /// A key, its certificate, and the fingerprint `tls self-signed` printed.
    struct Identity {
        let key: String
        let certificate: String
        let fingerprint: String
    }

    let directory: String
    let token: String
    var data: String { directory + "/data" }

    static func run(_ body: (TLSWorkspace) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("privy-edge-tls-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let token = try EdgeBinary.mintToken(dataDirectory: directory + "/data", scopes: "contacts_read,contacts_write")
        try await body(TLSWorkspace(directory: directory, token: token))
    }

    /// `privy-edge tls self-signed` for 127.0.0.1 and localhost, into `name/`.
    func identity(_ name: String) throws -> Identity {
        let out = directory + "/" + name
        let result = try EdgeBinary.run(["tls", "self-signed", "--host", "127.0.0.1", "--host", "localhost", "--out", out])
        guard result.status == 0, let line = result.output.split(separator: "\n").first(where: { $0.hasPrefix("SHA-256 fingerprint to pin: ") }) else {
            throw FixtureError("tls self-signed failed: \(result.output)")
        }
        return Identity(key: out + "/privy-edge.key", certificate: out + "/privy-edge.crt", fingerprint: String(line.dropFirst("SHA-256 fingerprint to pin: ".count)))
    }

    /// A key and a certificate that expired yesterday, made by OpenSSL.
    func expiredIdentity() throws -> Identity {
        let key = directory + "/expired.key", request = directory + "/expired.csr", certificate = directory + "/expired.crt"
        try Shell.run(["openssl", "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", key, "-out", request, "-subj", "/CN=127.0.0.1"]).check()
        try Shell.run(["openssl", "x509", "-req", "-in", request, "-signkey", key, "-days", "-1", "-out", certificate]).check()
        return Identity(key: key, certificate: certificate, fingerprint: "")
    }

    /// Copies `identity`'s files over `name/`, as an operator replaces a certificate in place.
    func copy(_ identity: Identity, as name: String) throws -> Identity {
        let out = directory + "/" + name
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let copy = Identity(key: out + "/privy-edge.key", certificate: out + "/privy-edge.crt", fingerprint: identity.fingerprint)
        for (from, to) in [(identity.key, copy.key), (identity.certificate, copy.certificate)] {
            try? FileManager.default.removeItem(atPath: to)
            try FileManager.default.copyItem(atPath: from, toPath: to)
        }
        return copy
    }

    /// `serve` with TLS from `identity`.
    func serve(_ identity: Identity) throws -> ServerProcess {
        try ServerProcess(dataDirectory: data, extraArguments: ["--tls-cert", identity.certificate, "--tls-key", identity.key])
    }
}

/// AsyncHTTPClient clients that trust exactly one certificate file.
enum TLSClient {
    /// A client whose only trust root is `certificate`, verifying the host name too.
    static func make(trusting certificate: String, maximumVersion: TLSVersion? = nil) -> HTTPClient {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.trustRoots = .file(certificate)
        tls.certificateVerification = .fullVerification
        tls.maximumTLSVersion = maximumVersion
        var configuration = HTTPClient.Configuration(tlsConfiguration: tls)
        configuration.connectionPool.retryConnectionEstablishment = false  // a refused handshake fails the request at once
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Runs `body` with a client made by ``make(trusting:maximumVersion:)``, then shuts it down.
    static func with<Value>(trusting certificate: String, maximumVersion: TLSVersion? = nil, _ body: (HTTPClient) async throws -> Value) async throws -> Value {
        let client = make(trusting: certificate, maximumVersion: maximumVersion)
        do {
            let value = try await body(client)
            try await client.shutdown()
            return value
        } catch {
            try await client.shutdown()
            throw error
        }
    }

    /// Expects a fresh client trusting `certificate` to be refused in the TLS handshake with
    /// `baseURL`: a TLS error, not a timeout nor an answer.
    static func expectRefused(
        _ baseURL: String, trusting certificate: String, maximumVersion: TLSVersion? = nil, _ who: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async {
        do {
            let status = try await get(baseURL + "/v1/contacts", token: "", trusting: certificate, maximumVersion: maximumVersion)
            Issue.record("\(who) was answered \(status) instead of refused", sourceLocation: sourceLocation)
        } catch {
            #expect(error is NIOSSLError || error is BoringSSLError, "\(who) should fail the TLS handshake, not: \(error)", sourceLocation: sourceLocation)
        }
    }

    /// GETs `url` on a fresh client (so a fresh connection) trusting `certificate`. - Returns: the status code.
    @discardableResult
    static func get(_ url: String, token: String, trusting certificate: String, maximumVersion: TLSVersion? = nil) async throws -> UInt {
        try await with(trusting: certificate, maximumVersion: maximumVersion) { try await $0.get(url, token: token) }
    }
}
