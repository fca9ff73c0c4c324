import LMDB
public import PrivyDomain

/// A Custom Integration token that names no active integration.
public struct InactiveIntegrationToken: Error, Sendable, Equatable {}

extension OrderStore {
    /// Creates a Custom Integration with a new token.
    public func createIntegration(name: String, now: Timestamp = .now()) async throws -> Integration {
        let tables = tables
        return try await writer.perform { txn in
            while true {
                let integration = Integration(id: "int_" + Secret.hex(count: 12), name: name, token: "pit_" + Secret.hex(count: 40), createdAt: now)
                if try txn.insert(integration.encoded(), forKey: integration.id, in: tables.integrations) {
                    try txn.put(Array(integration.id.utf8), forKey: integration.token, in: tables.integrationTokens)
                    try Counter.activeIntegrations.add(1, in: txn, meta: tables.meta)
                    return integration
                }
            }
        }
    }

    /// Every integration, oldest first.
    public func integrations() throws -> [Integration] {
        try environment.read { txn in
            try txn.records(Integration.self, in: tables.integrations).sorted { $0.createdAt < $1.createdAt }
        }
    }

    /// One integration, or `nil`.
    public func integration(id: String) throws -> Integration? {
        try environment.read { txn in
            try txn.withValue(forKey: id, in: tables.integrations, Integration.init(decoding:))
        }
    }

    /// Deactivates an integration: its token no longer attributes orders.
    /// - Returns: the integration, or `nil` if there is no such integration.
    public func deactivateIntegration(id: String, now: Timestamp = .now()) async throws -> Integration? {
        let tables = tables
        return try await writer.perform { txn in
            guard var integration = try txn.withValue(forKey: id, in: tables.integrations, Integration.init(decoding:)) else { return nil }
            if integration.isActive {
                integration.deactivatedAt = now
                try txn.put(integration.encoded(), forKey: id, in: tables.integrations)
                try Counter.activeIntegrations.add(-1, in: txn, meta: tables.meta)
            }
            return integration
        }
    }
}

extension Store {
    /// The integration an order is attributed to, by the contract's rules: a given token must
    /// name an active integration; without one, the only active integration, if exactly one.
    /// - Throws: ``InactiveIntegrationToken``.
    static func attribution(token: String?, in transaction: WriteTransaction, _ tables: Tables) throws -> String? {
        if let token {
            guard let id = try transaction.withValue(forKey: token, in: tables.integrationTokens, { String(decoding: $0, as: UTF8.self) }),
                  let integration = try transaction.withValue(forKey: id, in: tables.integrations, Integration.init(decoding:)),
                  integration.isActive
            else { throw InactiveIntegrationToken() }
            return id
        }
        guard try Counter.activeIntegrations.value(in: transaction, meta: tables.meta) == 1 else { return nil }
        var active: String?
        try transaction.forEach(in: tables.integrations) { _, value in
            let integration = try Integration(decoding: value)
            if integration.isActive { active = integration.id }
            return active == nil
        }
        return active
    }
}

extension Counter {
    static let activeIntegrations = Counter(key: "count:integrations:active")
}
