import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import PrivyJSON

/// The bearer token for upstream calls: an API token as is, or a token obtained with OAuth
/// client credentials at the upstream's `/oauth/token`, exchanged again shortly before it
/// expires and whenever the upstream answers 401. Shared by every call in flight.
actor AccessTokenSource {
    /// The scopes asked for with client credentials: writes for the exporter, reads for the
    /// consent pull.
    static let scopes = "contacts_read contacts_write orders_write"
    /// The scopes asked for when the client may not read: the exporter works, the pull's reads
    /// are refused (and skipped).
    static let writeScopes = "contacts_write orders_write"

    private let credentials: UpstreamCredentials
    private let endpoint: UpstreamEndpoint
    private let http: HTTPClient
    private let timeout: Duration
    private var current: (token: String, renewAt: ContinuousClock.Instant)?
    /// The scopes asked for: ``scopes`` until the token endpoint refuses them.
    private var requested = AccessTokenSource.scopes

    init(credentials: UpstreamCredentials, endpoint: UpstreamEndpoint, http: HTTPClient, timeout: Duration) {
        self.credentials = credentials
        self.endpoint = endpoint
        self.http = http
        self.timeout = timeout
    }

    /// Whether a 401 is worth a new token: only exchanged tokens can be renewed.
    nonisolated var canRenew: Bool {
        if case .clientCredentials = credentials { true } else { false }
    }

    /// The token to send now.
    /// - Throws: ``SyncInterruption`` when the exchange fails.
    func bearer() async throws -> String {
        switch credentials {
        case .apiToken(let token):
            return token
        case .clientCredentials(let id, let secret):
            if let current, ContinuousClock.now < current.renewAt { return current.token }
            let (token, lifetime): (String, Duration)
            do {
                (token, lifetime) = try await exchange(id: id, secret: secret, scopes: requested)
            } catch SyncInterruption.credentialsRefused where requested != Self.writeScopes {
                // A client created before the pull, without contacts_read: ask for the writes only.
                requested = Self.writeScopes
                (token, lifetime) = try await exchange(id: id, secret: secret, scopes: requested)
            }
            current = (token, .now + lifetime - min(.seconds(300), lifetime / 10))
            return token
        }
    }

    /// Forgets the current token after a 401, so the next call exchanges again.
    func invalidate() {
        current = nil
    }

    private func exchange(id: String, secret: String, scopes: String) async throws -> (String, Duration) {
        let described = "POST \(endpoint.tokenURL)"
        var request = HTTPClientRequest(url: endpoint.tokenURL)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        let form = [("grant_type", "client_credentials"), ("client_id", id), ("client_secret", secret), ("scope", scopes)]
            .map { "\($0)=\(Self.formEncoded($1))" }.joined(separator: "&")
        request.body = .bytes(ByteBuffer(string: form))
        let status: Int
        let body: ByteBuffer
        do {
            let response = try await http.execute(request, timeout: .nanoseconds(timeout.nanoseconds))
            status = Int(response.status.code)
            body = try await response.body.collect(upTo: 1 << 20)
        } catch {
            throw SyncInterruption.unreachable(request: described, reason: "\(error)")
        }
        let text = String(buffer: body)
        switch status {
        case 200..<300:
            guard case .object(let object)? = try? JSONParser.parse(Array(text.utf8)),
                  case .string(let token)? = object["access_token"], !token.isEmpty
            else { throw SyncInterruption.serverError(request: described, status: status) }
            let seconds = if case .number(let number)? = object["expires_in"], let value = number.int64Value, value > 0 { value } else { Int64(3600) }
            return (token, .seconds(seconds))
        case 400, 401, 403:
            throw SyncInterruption.credentialsRefused(request: described, status: status, body: text)
        default:
            throw SyncInterruption.serverError(request: described, status: status)
        }
    }

    /// `application/x-www-form-urlencoded` escaping: everything but unreserved characters.
    private static func formEncoded(_ value: String) -> String {
        var encoded = ""
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                encoded += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
            }
        }
        return encoded
    }
}
