/// A configuration key and what it holds. `Resolved` is `Value` for a key with a default and
/// `Value?` for a key without one, which stays unset unless a source sets it.
public struct Setting<Value: SettingValue, Resolved: Sendable>: SettingDefinition {
    public let name: String
    /// Whether the value is a secret, which `config check` and error messages never show.
    public let isSecret: Bool
    /// What the key is for, as `--help` says it.
    public let summary: String
    /// The value when no source sets the key.
    public let defaultValue: Resolved
    /// The default as `config check` prints it.
    public let defaultText: String
    /// What a valid value looks like, for error messages.
    public let requirement: String
    private let rule: @Sendable (Value) -> Bool
    private let wrap: @Sendable (Value) -> Resolved

    private init(
        name: String, isSecret: Bool, summary: String, defaultValue: Resolved, defaultText: String,
        requirement: String, accepts: @escaping @Sendable (Value) -> Bool, wrap: @escaping @Sendable (Value) -> Resolved
    ) {
        self.name = name
        self.isSecret = isSecret
        self.summary = summary
        self.defaultValue = defaultValue
        self.defaultText = defaultText
        self.requirement = requirement
        self.rule = accepts
        self.wrap = wrap
    }

    /// Whether `value` meets the key's rule (a range, a count).
    func accepts(_ value: Value) -> Bool {
        rule(value)
    }

    /// The value a source gave, as the key resolves it.
    func resolved(_ value: Value) -> Resolved {
        wrap(value)
    }

    /// The value in an environment variable's text, if it is valid for this key.
    func value(fromText text: String) -> Value? {
        Value(settingText: text).flatMap { rule($0) ? $0 : nil }
    }

    /// The value in the config file, if it is valid for this key.
    func value(fromFile value: ConfigFileValue) -> Value? {
        Value(fileValue: value).flatMap { rule($0) ? $0 : nil }
    }

    public func problem(with value: ConfigFileValue) -> String? {
        self.value(fromFile: value) == nil ? problem(showing: value.description) : nil
    }

    /// `port must be an integer from 0 to 65535, not 70000`; a secret's value is left out.
    func problem(showing text: String) -> String {
        isSecret ? "\(name) must be \(requirement)" : "\(name) must be \(requirement), not \(text)"
    }
}

extension Setting where Resolved == Value {
    /// A key with a default.
    /// - Parameters:
    ///   - name: the key in snake case.
    ///   - defaultValue: the value when no source sets the key.
    ///   - summary: what the key is for.
    ///   - requirement: what a valid value looks like; default the type's own expectation.
    ///   - accepts: the key's rule beyond the type; default none.
    init(
        _ name: String, default defaultValue: Value, summary: String,
        requirement: String = Value.expectation, accepts: @escaping @Sendable (Value) -> Bool = { _ in true }
    ) {
        self.init(
            name: name, isSecret: false, summary: summary, defaultValue: defaultValue, defaultText: defaultValue.settingText,
            requirement: requirement, accepts: accepts, wrap: { $0 }
        )
    }
}

extension Setting where Resolved == Value? {
    /// A key without a default: unset unless a source sets it.
    /// - Parameters:
    ///   - name: the key in snake case.
    ///   - secret: whether `config check` and error messages must hide the value.
    ///   - summary: what the key is for.
    init(_ name: String, secret: Bool = false, summary: String) {
        self.init(
            name: name, isSecret: secret, summary: summary, defaultValue: nil, defaultText: "none",
            requirement: Value.expectation, accepts: { _ in true }, wrap: { $0 }
        )
    }
}
