/// How the exporter authenticates to the upstream.
public enum UpstreamCredentials: Sendable, Hashable {
    /// A Privy API token, sent as is.
    case apiToken(String)
    /// An OAuth client, exchanged for a bearer token at the upstream's `/oauth/token` before it
    /// expires and again after a `401`.
    case clientCredentials(id: String, secret: String)
}
