import PrivyDomain
import PrivyStore
import Testing

@testable import PrivySync

@Suite("Sync upstream protocol: URLs, answers and rate-limit headers")
struct UpstreamProtocolTests {
    @Test("the OAuth token URL is /oauth/token on the upstream's host", arguments: [
        ("https://api.privy.com/v1", "https://api.privy.com/v1", "https://api.privy.com/oauth/token"),
        ("http://127.0.0.1:8080/v1/", "http://127.0.0.1:8080/v1", "http://127.0.0.1:8080/oauth/token"),
        ("HTTPS://edge.example.com", "HTTPS://edge.example.com", "HTTPS://edge.example.com/oauth/token"),
    ])
    func endpoints(url: String, base: String, token: String) throws {
        let endpoint = try #require(UpstreamEndpoint(url))
        #expect(endpoint.baseURL == base)
        #expect(endpoint.tokenURL == token)
    }

    @Test("only http and https URLs with a host are accepted", arguments: ["ftp://x/v1", "api.privy.com/v1", "https:///v1", "https://x/v1?a=b"])
    func badEndpoints(url: String) {
        #expect(UpstreamEndpoint(url) == nil)
    }

    @Test("answers are sorted into accepted, conflict, not found, refused for good, throttled, credentials and transient")
    func verdicts() {
        let expected: [(Int, UpstreamResponse.Verdict)] = [
            (200, .accepted), (201, .accepted), (204, .accepted), (409, .conflict), (404, .notFound), (400, .rejected), (422, .rejected),
            (413, .rejected), (429, .throttled), (401, .credentialsRefused), (403, .credentialsRefused), (408, .transient), (500, .transient),
            (503, .transient), (302, .transient),
        ]
        for (status, verdict) in expected {
            #expect(UpstreamResponse(status: status, body: []).verdict == verdict, "status \(status)")
        }
    }

    @Test("a create's id comes from data.id, a conflict's from error.id, a placed order's contact from data.contact_id; anything unsafe in a path is refused")
    func ids() {
        func response(_ text: String) -> UpstreamResponse { UpstreamResponse(status: 200, body: Array(text.utf8)) }
        #expect(response(#"{"data":{"id":"cus_1","email":"a@b.co"}}"#).dataID == "cus_1")
        #expect(response(#"{"error":{"code":"conflict","message":"exists","id":"cus_2"}}"#).conflictID == "cus_2")
        #expect(response(#"{"error":{"code":"conflict","message":"exists"}}"#).conflictID == nil)
        #expect(response(#"{"data":{"order_id":7,"contact_id":"cus_3"}}"#).orderContactID == "cus_3")
        #expect(response(#"{"data":{"order_id":7,"contact_id":null}}"#).orderContactID == nil)
        #expect(response(#"{"data":{"id":"../admin"}}"#).dataID == nil)
        #expect(response("not json").dataID == nil)
    }

    @Test("rate-limit headers are read for both windows, with Retry-After")
    func rateLimitHeaders() {
        let headers = [
            "X-RateLimit-Limit-Minute": "60", "X-RateLimit-Remaining-Minute": "0", "X-RateLimit-Reset-Minute": "1800000060",
            "X-RateLimit-Remaining-Day": "9000", "X-RateLimit-Reset-Day": "1800086400", "Retry-After": "12",
        ]
        let report = RateLimitReport { headers[$0] }
        #expect(report == RateLimitReport(minute: .init(remaining: 0, reset: 1_800_000_060), day: .init(remaining: 9_000, reset: 1_800_086_400), retryAfter: 12))
        #expect(RateLimitReport { _ in nil } == RateLimitReport())
    }

    @Test("a consent pull page reads each contact's id, identity and consent, and the page count; other shapes are refused")
    func contactPage() throws {
        let page = try #require(UpstreamContactPage(body: Array(#"""
            {"data":[{"id":"cus_1","email":"A@b.co","phone_number":null,"email_consent":"unsubscribed","sms_consent":"never_subscribed"},
                     {"id":"../x","email":"c@d.co","email_consent":"unsubscribed"},
                     {"id":"cus_2","phone_number":"+15555550100","email_consent":"later_invented","sms_consent":"pending"}],
             "pagination":{"page":1,"per_page":3,"total_count":7,"total_pages":3}}
            """#.utf8)))
        #expect(page.totalPages == 3)
        #expect(page.contacts.map(\.upstreamID) == ["cus_1", "cus_2"])
        #expect(page.contacts[0].email?.rawValue == "A@b.co" && page.contacts[0].emailConsent == .unsubscribed)
        #expect(page.contacts[0].restrictions == ConsentRequest(email: .unsubscribed))
        #expect(page.contacts[1].emailConsent == nil && page.contacts[1].restrictions == ConsentRequest(sms: .pending))
        #expect(UpstreamContactPage(body: Array(#"{"data":[]}"#.utf8)) == nil)
        #expect(UpstreamResponse(status: 200, body: Array(#"{"data":{"id":"cus_9","email_consent":"subscribed"}}"#.utf8)).contactConsent?.emailConsent == .subscribed)
        #expect(PullFilter.all.map(\.query) == [
            "email_consent=unsubscribed", "email_consent=suppressed", "email_consent=compliance_suppressed", "sms_consent=unsubscribed", "sms_consent=pending",
        ])
    }
}
