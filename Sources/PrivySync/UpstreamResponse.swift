import PrivyJSON
import PrivyStore

/// An upstream answer: status, body and what it says about rate limits.
struct UpstreamResponse: Sendable, Hashable {
    /// How the exporter treats an answer.
    enum Verdict: Sendable, Hashable {
        /// 2xx.
        case accepted
        /// 409: the contact exists; the body names it.
        case conflict
        /// 404.
        case notFound
        /// Another 4xx: refused for good; dead-letter the change.
        case rejected
        /// 429: wait as told, then try again.
        case throttled
        /// 401 or 403: the credentials are wrong or lack a scope; nothing can go until fixed.
        case credentialsRefused
        /// 408, 5xx or anything unexpected: try again after a backoff.
        case transient
    }

    var status: Int
    var body: [UInt8]
    var rateLimit: RateLimitReport

    init(status: Int, body: [UInt8], rateLimit: RateLimitReport = .init()) {
        self.status = status
        self.body = body
        self.rateLimit = rateLimit
    }

    var verdict: Verdict {
        switch status {
        case 200..<300: .accepted
        case 409: .conflict
        case 404: .notFound
        case 429: .throttled
        case 401, 403: .credentialsRefused
        case 408: .transient
        case 400..<500: .rejected
        default: .transient
        }
    }

    /// The body as text, for logs and dead letters.
    var text: String {
        String(decoding: body, as: UTF8.self)
    }

    /// `data.id` of a success body: the id the upstream gave a created contact.
    var dataID: String? {
        member("data", "id")
    }

    /// `data.contact_id` of a placed order: the upstream contact it is linked to.
    var orderContactID: String? {
        member("data", "contact_id")
    }

    /// `error.id` of a 409 body: the existing contact.
    var conflictID: String? {
        member("error", "id")
    }

    /// The consent of the contact in `data`: what `GET /contacts/{id}` answered.
    var contactConsent: UpstreamConsent? {
        guard case .object(let root)? = try? JSONParser.parse(body), case .object(let contact)? = root["data"] else { return nil }
        return UpstreamConsent(contact: contact)
    }

    /// Whether `id` is a plausible upstream id: 1–255 bytes, no `/`, `?`, `#` or whitespace, so
    /// it is safe in a path and as a key.
    static func isPlausibleID(_ id: String) -> Bool {
        (1...255).contains(id.utf8.count) && !id.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" || $0.isWhitespace })
    }

    /// A string member of an object member of the body, if it is a plausible id.
    private func member(_ outer: String, _ inner: String) -> String? {
        guard case .object(let root)? = try? JSONParser.parse(body),
              case .object(let object)? = root[outer],
              case .string(let id)? = object[inner],
              Self.isPlausibleID(id)
        else { return nil }
        return id
    }
}
