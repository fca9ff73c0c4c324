import PrivyDomain
import PrivyStore

/// One filtered listing the consent pull pages through: a consent state that restricts
/// messaging, as `GET /v1/contacts` filters by it.
struct PullFilter: Sendable, Hashable {
    /// The query parameter, `email_consent` or `sms_consent`.
    let parameter: String
    /// The consent value.
    let value: String

    /// Every listing of one pull, in order: each restricting email value, then each restricting
    /// SMS value (``UpstreamConsent/restrictingEmail``, ``UpstreamConsent/restrictingSMS``). A
    /// pull's cursor indexes it.
    static let all: [PullFilter] = UpstreamConsent.restrictingEmail.map { PullFilter(parameter: "email_consent", value: $0.rawValue) }
        + UpstreamConsent.restrictingSMS.map { PullFilter(parameter: "sms_consent", value: $0.rawValue) }

    /// `email_consent=unsubscribed`.
    var query: String {
        "\(parameter)=\(value)"
    }
}
