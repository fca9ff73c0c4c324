import PrivyDomain
import PrivyJSON
import PrivyStore

/// One page of the upstream's `GET /v1/contacts`: its contacts' consent and how many pages the
/// listing has.
struct UpstreamContactPage: Sendable, Hashable {
    /// The contacts on the page that have a usable id.
    var contacts: [UpstreamConsent]
    /// `pagination.total_pages` (0 for an empty listing).
    var totalPages: Int

    /// Reads a list body: `{"data": [contact…], "pagination": {"total_pages": n, …}}`.
    /// - Returns: `nil` when the body has another shape.
    init?(body: [UInt8]) {
        guard case .object(let root)? = try? JSONParser.parse(body),
              case .array(let items)? = root["data"],
              case .object(let pagination)? = root["pagination"],
              case .number(let total)? = pagination["total_pages"], let totalPages = total.int64Value, totalPages >= 0
        else { return nil }
        contacts = items.compactMap { item in
            if case .object(let contact) = item { UpstreamConsent(contact: contact) } else { nil }
        }
        self.totalPages = Int(clamping: totalPages)
    }
}

extension UpstreamConsent {
    /// Reads an upstream contact object: `id`, `email`, `phone_number`, `email_consent` and
    /// `sms_consent`; unknown consent values read as `nil`.
    /// - Returns: `nil` without a plausible id (1–255 bytes, safe in a path).
    init?(contact: JSONObject) {
        guard case .string(let id)? = contact["id"], UpstreamResponse.isPlausibleID(id) else { return nil }
        func text(_ key: String) -> String? {
            if case .string(let value)? = contact[key] { value } else { nil }
        }
        self.init(
            upstreamID: id,
            email: text("email").flatMap(EmailAddress.init(validating:)),
            phoneNumber: text("phone_number").flatMap(PhoneNumber.init(validating:)),
            emailConsent: text("email_consent").flatMap(EmailConsent.init(rawValue:)),
            smsConsent: text("sms_consent").flatMap(SMSConsent.init(rawValue:))
        )
    }
}
