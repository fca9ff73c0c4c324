import PrivyDomain
import PrivyJSON
import PrivyStore

extension JSONWriter {
    /// Writes a consent audit event.
    mutating func consentEvent(_ audited: AuditedConsentEvent) {
        beginObject()
        key("channel"); string(audited.event.channel.rawValue)
        key("from"); string(audited.event.from)
        key("to"); string(audited.event.to)
        key("source"); string(audited.source.rawValue)
        key("request_id"); optionalString(audited.requestID)
        key("token_id"); optionalString(audited.tokenID)
        key("client_ip"); optionalString(audited.clientIP)
        key("at"); string(audited.at.rfc3339)
        endObject()
    }
}
