/// A commerce platform behind a Violet bag, as a row of the preference mapping table: which
/// email preferences it supports, their defaults, and what it records for each request.
///
/// A platform is data, not code: supporting preferences on another platform is adding a row to
/// ``table``. A platform without a row supports none: its bags store what was requested and
/// report ``PreferenceResult/notApplied``.
public struct VioletPlatform: Sendable, Hashable {
    /// How a platform handles one kind of preference.
    public struct Rule: Sendable, Hashable {
        /// The value assumed when the request omits the preference.
        public var defaultRequest: PreferenceRequest
        /// What the platform records for each requested value.
        public var results: [PreferenceRequest: PreferenceResult]

        /// Creates a rule.
        /// - Parameters:
        ///   - defaultRequest: the value assumed when the request omits the preference.
        ///   - results: what the platform records for each requested value.
        public init(defaultRequest: PreferenceRequest, results: [PreferenceRequest: PreferenceResult]) {
            self.defaultRequest = defaultRequest
            self.results = results
        }
    }

    /// The platform's name as Violet spells it, uppercase, e.g. `SHOPIFY`.
    public var name: String
    /// The supported preferences; a kind without a rule is stored but not applied.
    public var rules: [EmailPreferenceKind: Rule]

    /// Creates a row.
    /// - Parameters:
    ///   - name: the platform's name, uppercase.
    ///   - rules: the supported preferences.
    public init(name: String, rules: [EmailPreferenceKind: Rule]) {
        self.name = name
        self.rules = rules
    }

    /// The mapping table, one row per platform that supports preferences (Violet's guide:
    /// Shopify only). Shopify records an opt-in to order confirmation and fulfillment emails as
    /// `SINGLE_OPT_IN` (this order only) and defaults them to `OPT_IN`; marketing maps directly
    /// and defaults to `NO_OPT_IN`.
    public static let table: [VioletPlatform] = [
        VioletPlatform(name: "SHOPIFY", rules: [
            .orderConfirmation: Rule(defaultRequest: .optIn, results: [.optIn: .singleOptIn, .noOptIn: .noOptIn]),
            .orderFulfillment: Rule(defaultRequest: .optIn, results: [.optIn: .singleOptIn, .noOptIn: .noOptIn]),
            .marketing: Rule(defaultRequest: .noOptIn, results: [.optIn: .optIn, .noOptIn: .noOptIn]),
        ])
    ]

    /// The platform of a bag that names none.
    public static let defaultName = "SHOPIFY"

    /// The row for `name` (an uppercase platform name), or a row without rules for a platform
    /// the table does not list.
    /// - Parameter name: the bag's platform, or `nil` for ``defaultName``.
    public static func named(_ name: String?) -> VioletPlatform {
        let name = name ?? defaultName
        return table.first { $0.name == name } ?? VioletPlatform(name: name, rules: [:])
    }

    /// What the platform makes of a bag's requested preferences: every kind, with the request
    /// (or the default) and the recorded result.
    /// - Parameter requested: the values the bag sent; an omitted kind takes the default.
    /// - Returns: one resolved preference per ``EmailPreferenceKind``.
    public func resolve(_ requested: [EmailPreferenceKind: PreferenceRequest]) -> [EmailPreferenceKind: ResolvedPreference] {
        var resolved: [EmailPreferenceKind: ResolvedPreference] = [:]
        for kind in EmailPreferenceKind.allCases {
            guard let rule = rules[kind] else {
                resolved[kind] = ResolvedPreference(requested: requested[kind], result: .notApplied)
                continue
            }
            let request = requested[kind] ?? rule.defaultRequest
            resolved[kind] = ResolvedPreference(requested: request, result: rule.results[request] ?? .notApplied)
        }
        return resolved
    }
}
