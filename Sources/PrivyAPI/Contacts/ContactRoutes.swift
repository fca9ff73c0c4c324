import HTTPTypes
import Hummingbird
import PrivyDomain
import PrivyJSON
import PrivyStore
import PrivyWire

/// The contacts half of the contract: `/v1/contacts…`, every write through the consent engine.
struct ContactRoutes {
    let store: Store
    let configuration: APIConfiguration

    func register(on routes: inout RouteTable) {
        routes.on(.post, "contacts", use: create)
        routes.on(.get, "contacts", use: list)
        routes.on(.get, "contacts/:id", use: show)
        routes.on(.patch, "contacts/:id", use: update)
        routes.on(.delete, "contacts/:id", use: delete)
        routes.on(.post, "contacts/:id/unsubscribe", use: unsubscribe)
        routes.on(.get, "contacts/:id/consent_events", use: consentEvents)
        routes.on(.post, "admin/contacts/:id/consent", use: setSystemConsent)
    }

    @Sendable func create(_ request: Request, context: EdgeRequestContext) async throws -> Response {
        let principal = try context.require(.contactsWrite)
        let draft = try ContactDraft(json: try await request.jsonObject(limit: configuration.maxBodySize))
        let result = try await store.contacts.create(draft, context: context.writeContext(.api, principal))
        return try respond(with: result.contact, status: result.created ? .created : .ok)
    }

    @Sendable func show(_ request: Request, context: EdgeRequestContext) async throws -> Response {
        _ = try context.require(.contactsRead)
        let id = try context.parameters.require("id")
        guard let contact = try store.contacts.contact(id: id) else { throw ContactNotFound(id: id) }
        return try respond(with: contact)
    }

    @Sendable func update(_ request: Request, context: EdgeRequestContext) async throws -> Response {
        let principal = try context.require(.contactsWrite)
        let id = try context.parameters.require("id")
        let patch = try ContactPatch(json: try await request.jsonObject(limit: configuration.maxBodySize))
        let contact = try await store.contacts.update(id: id, with: patch, context: context.writeContext(.api, principal))
        return try respond(with: contact)
    }

    @Sendable func delete(_ request: Request, context: EdgeRequestContext) async throws -> Response {
        let principal = try context.require(.contactsWrite)
        let contact = try await store.contacts.delete(id: try context.parameters.require("id"), context: context.writeContext(.api, principal))
        return try respond(with: contact)
    }

    @Sendable func list(_ request: Request, context: EdgeRequestContext) async throws -> Response {
        _ = try context.require(.contactsRead)
        let query = try ContactQuery(parameters: request.uri.queryParameters)
        let page = try store.contacts.list(matching: query)
        let stats = try store.orders.orderStats(for: page.contacts.map(\.id))
        var writer = JSONWriter()
        writer.reserveCapacity(256 + page.contacts.count * 384)
        writer.beginObject()
        writer.key("data")
        writer.beginArray()
        for contact in page.contacts { writer.contact(contact, stats: stats[contact.id]) }
        writer.endArray()
        writer.key("pagination")
        writer.beginObject()
        writer.key("page"); writer.int(query.page)
        writer.key("per_page"); writer.int(query.perPage)
        writer.key("total_count"); writer.int(page.totalCount)
        writer.key("total_pages"); writer.int((page.totalCount + query.perPage - 1) / query.perPage)
        writer.endObject()
        writer.endObject()
        return .json(writer.bytes)
    }

    /// The deprecated unsubscribe: sets email consent to `unsubscribed`, idempotently.
    @Sendable func unsubscribe(_ request: Request, context: EdgeRequestContext) async throws -> Response {
        let principal = try context.require(.contactsWrite)
        let id = try context.parameters.require("id")
        let body = try await request.collectBody(limit: configuration.maxBodySize)
        if body.readableBytes > 0 {
            var fields = BodyFields(try JSONObject(requestBody: body, limit: configuration.maxBodySize))
            let reason = fields.string("reason").valueOrNil
            try fields.finish()
            if let reason, reason.count > 500 { throw APIError.invalid("reason", "must be at most 500 characters") }
        }
        let contact = try await store.contacts.update(
            id: id,
            with: ContactPatch(emailConsent: .value(EmailConsent.unsubscribed.rawValue)),
            context: context.writeContext(.unsubscribe, principal)
        )
        return try respond(with: contact, headers: [.deprecation: "true", .link: "</v1/contacts/\(contact.id.rawValue)>; rel=\"successor-version\""])
    }

    @Sendable func consentEvents(_ request: Request, context: EdgeRequestContext) async throws -> Response {
        _ = try context.require(.contactsRead)
        let id = try context.parameters.require("id")
        guard let events = try store.contacts.consentEvents(contactID: id) else { throw ContactNotFound(id: id) }
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("data")
        writer.beginArray()
        for event in events { writer.consentEvent(event) }
        writer.endArray()
        writer.endObject()
        return .json(writer.bytes)
    }

    /// The operator's path for system states (`compliance_suppressed`, `pending`), recorded with
    /// source `upstream`.
    @Sendable func setSystemConsent(_ request: Request, context: EdgeRequestContext) async throws -> Response {
        let principal = try context.require(.admin)
        let id = try context.parameters.require("id")
        var fields = BodyFields(try await request.jsonObject(limit: configuration.maxBodySize))
        let patch = ContactPatch(emailConsent: fields.string("email_consent"), smsConsent: fields.string("sms_consent"))
        try fields.finish()
        let contact = try await store.contacts.update(id: id, with: patch, context: context.writeContext(.upstream, principal))
        return try respond(with: contact)
    }

    /// `{"data": contact}` with the contact's order figures.
    private func respond(with contact: Contact, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        let stats = try store.orders.orderStats(for: [contact.id])[contact.id]
        return .data(status: status, headers: headers) { $0.contact(contact, stats: stats) }
    }
}

extension ContactQuery {
    /// Reads `page`, `per_page` and the filters of `GET /v1/contacts`.
    /// - Throws: 422 naming each out-of-range or malformed parameter.
    init(parameters: Parameters) throws {
        var details: [FieldError] = []
        func integer(_ name: String, default value: Int, in range: ClosedRange<Int>) -> Int {
            guard let text = parameters.get(name) else { return value }
            guard let number = Int(text), range.contains(number) else {
                details.append(FieldError(field: name, message: range.upperBound == .max ? "must be an integer of at least \(range.lowerBound)" : "must be an integer from \(range.lowerBound) to \(range.upperBound)"))
                return value
            }
            return number
        }
        func parsed<T>(_ name: String, _ make: (String) -> T?, _ message: String) -> T? {
            guard let text = parameters.get(name) else { return nil }
            guard let value = make(text) else {
                details.append(FieldError(field: name, message: message))
                return nil
            }
            return value
        }
        self.init(
            page: integer("page", default: 1, in: 1...Int(Int32.max)),
            perPage: integer("per_page", default: 25, in: 1...100),
            email: parsed("email", EmailAddress.init(validating:), EmailAddress.invalidMessage),
            phoneNumber: parsed("phone_number", PhoneNumber.init(validating:), PhoneNumber.invalidMessage),
            emailConsent: parsed("email_consent", EmailConsent.init(rawValue:), "must be one of: \(EmailConsent.allCases.map(\.rawValue).joined(separator: ", "))"),
            smsConsent: parsed("sms_consent", SMSConsent.init(rawValue:), "must be one of: \(SMSConsent.allCases.map(\.rawValue).joined(separator: ", "))")
        )
        if !details.isEmpty { throw APIError.validationFailed(ValidationFailure(details: details)) }
    }
}

extension HTTPField.Name {
    /// `Deprecation` (RFC 9745).
    static let deprecation = Self("Deprecation")!
    /// `Link` (RFC 8288).
    static let link = Self("Link")!
}
