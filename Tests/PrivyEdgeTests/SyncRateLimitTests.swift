import HTTPTypes
import HummingbirdTesting
import PrivyDomain
import Testing

@testable import PrivyAPI

/// `serve --rate-limit`: the appliance standing in for the upstream, with Privy's headers.
@Suite("Sync upstream emulation: rate limits")
struct SyncRateLimitTests {
    @Test("limits parse as N/window", arguments: [
        ("60/60s", 60, 60), ("5/1s", 5, 1), ("60/1m", 60, 60), ("10000/1d", 10_000, 86_400), ("100/2h", 100, 7_200),
    ])
    func parsing(text: String, limit: Int, seconds: Int64) {
        #expect(RateLimit(parsing: text) == RateLimit(limit: limit, windowSeconds: seconds))
    }

    @Test("malformed limits are refused", arguments: ["60", "0/1s", "5/0s", "5/1x", "a/1s", "5/s", "5/1s/2"])
    func badParsing(text: String) {
        #expect(RateLimit(parsing: text) == nil)
    }

    @Test("fixed windows per token: headers count down, the next request is refused until the reset, a repeat is flagged")
    func limiter() {
        let limiter = RateLimiter(limits: [RateLimit(limit: 2, windowSeconds: 10), RateLimit(limit: 3, windowSeconds: 100)])
        func at(_ seconds: Double) -> Timestamp { Timestamp(microsecondsSinceEpoch: Int64(seconds * 1_000_000)) }
        let first = limiter.admit(token: "tok_a", at: at(1_000.5))
        #expect(first.allowed)
        #expect(first.headers[HTTPField.Name("X-RateLimit-Limit-Minute")!] == "2")
        #expect(first.headers[HTTPField.Name("X-RateLimit-Remaining-Minute")!] == "1")
        #expect(first.headers[HTTPField.Name("X-RateLimit-Reset-Minute")!] == "1010")
        #expect(first.headers[HTTPField.Name("X-RateLimit-Remaining-Day")!] == "2")
        #expect(first.headers[HTTPField.Name("X-RateLimit-Reset-Day")!] == "1100")
        #expect(limiter.admit(token: "tok_a", at: at(1_001)).allowed)
        let refused = limiter.admit(token: "tok_a", at: at(1_002.2))
        #expect(!refused.allowed && refused.retryAfter == 8 && !refused.ignoredRetryAfter)
        #expect(refused.headers[.retryAfter] == "8")
        #expect(limiter.admit(token: "tok_a", at: at(1_003)).ignoredRetryAfter)
        #expect(limiter.admit(token: "tok_b", at: at(1_003)).allowed, "limits are per token")
        #expect(limiter.admit(token: "tok_a", at: at(1_010)).allowed, "a new minute window")
        let daySpent = limiter.admit(token: "tok_a", at: at(1_011))
        #expect(!daySpent.allowed && daySpent.retryAfter == 89, "the day window is spent too")
    }

    @Test("the API answers 429 rate_limited in the error envelope with Retry-After, and every answer carries the headers")
    func middleware() async throws {
        let configuration = APIConfiguration(rateLimits: [RateLimit(limit: 3, windowSeconds: 86_400)])
        try await EdgeFixture.run(configuration: configuration) { client, fixture in
            let missing = try await client.call(.get, "/v1/contacts/cus_AAAAAAAAAAAAAAAA", token: fixture.readerToken)
            #expect(missing.status == .notFound)
            #expect(missing.headers[HTTPField.Name("X-RateLimit-Remaining-Minute")!] == "2", "errors carry the headers too")
            #expect(try await client.call(.get, "/v1/contacts", token: fixture.readerToken).headers[HTTPField.Name("X-RateLimit-Remaining-Minute")!] == "1")
            #expect(try await client.call(.get, "/v1/contacts", token: fixture.readerToken).status == .ok)
            let refused = try await client.call(.get, "/v1/contacts", token: fixture.readerToken)
            #expect(refused.status == .tooManyRequests)
            #expect(refused.errorCode == "rate_limited")
            #expect(refused.headers[.retryAfter].flatMap(Int.init).map { (1...86_400).contains($0) } == true)
            #expect(refused.headers[HTTPField.Name("X-RateLimit-Remaining-Minute")!] == "0")
            #expect(refused.headers[.requestID] != nil)
            #expect(try await client.call(.get, "/v1/contacts", token: fixture.writerToken).status == .ok, "another token has its own window")
        }
        try await EdgeFixture.run { client, fixture in
            let response = try await client.call(.get, "/v1/contacts", token: fixture.readerToken)
            #expect(response.headers[HTTPField.Name("X-RateLimit-Limit-Minute")!] == nil, "no limit, no headers")
        }
    }
}
