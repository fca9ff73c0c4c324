public import PrivyDomain
public import PrivyJSON

/// Reads typed fields out of a JSON request body, collecting every wrong JSON type (a malformed
/// request, 400) and every shape rule (422) so one answer names all of them.
public struct BodyFields {
    private let object: JSONObject
    /// Where this object sits in the body, e.g. `discounts[0].`, prefixed to field names.
    private let path: String
    /// Fields of the wrong JSON type: answered with 400 `bad_request`.
    private var typeErrors: [FieldError] = []
    /// Fields whose shape breaks a rule (nested custom fields): answered with 422.
    private var ruleErrors: [FieldError] = []

    /// Starts reading `object`.
    /// - Parameters:
    ///   - object: the body, or an object nested in it.
    ///   - path: where `object` sits in the body, prefixed to the names of its fields.
    public init(_ object: JSONObject, path: String = "") {
        self.object = object
        self.path = path
    }

    /// Whether the body has `key` at all.
    public func contains(_ key: String) -> Bool {
        object[key] != nil
    }

    /// A string.
    public mutating func string(_ key: String) -> PatchValue<String> {
        scalar(key, mustBe: "a string") { value in
            if case .string(let text) = value { text } else { nil }
        }
    }

    /// A boolean; `null` is absent.
    public mutating func bool(_ key: String) -> Bool? {
        flag(key).valueOrNil
    }

    /// An array of strings, naming each element of another type.
    public mutating func strings(_ key: String) -> PatchValue<[String]> {
        switch object[key] {
        case nil: return .absent
        case .null?: return .null
        case .array(let elements)?:
            var strings: [String] = []
            for (index, element) in elements.enumerated() {
                guard case .string(let text) = element else {
                    typeErrors.append(FieldError(field: "\(path)\(key)[\(index)]", message: "must be a string"))
                    continue
                }
                strings.append(text)
            }
            return .value(strings)
        default:
            typeErrors.append(FieldError(field: path + key, message: "must be an array of strings"))
            return .absent
        }
    }

    /// `custom_fields`: a flat object; a nested array or object breaks a rule (422).
    public mutating func customFields(_ key: String) -> PatchValue<CustomFields> {
        switch object[key] {
        case nil: return .absent
        case .null?: return .null
        case .object(let members)?:
            var fields = CustomFields()
            for (name, value) in members {
                switch value {
                case .string(let text): fields[name] = .string(text)
                case .number(let number): fields[name] = .number(text: number.text)
                case .bool(let flag): fields[name] = .bool(flag)
                case .null: fields[name] = .null
                case .array, .object:
                    ruleErrors.append(FieldError(field: "\(path)\(key).\(name)", message: "must be a string, number, boolean or null: custom_fields is flat"))
                }
            }
            return .value(fields)
        default:
            typeErrors.append(FieldError(field: path + key, message: "must be an object"))
            return .absent
        }
    }

    /// A JSON number's exact text, or a string (money and ids accept both).
    public mutating func numberOrString(_ key: String) -> PatchValue<String> {
        scalar(key, mustBe: "a number or a string") { value in
            switch value {
            case .string(let text): text
            case .number(let number): number.text
            default: nil
            }
        }
    }

    /// A JSON integer that fits in 64 bits.
    public mutating func integer(_ key: String) -> PatchValue<Int64> {
        scalar(key, mustBe: "an integer") { value in
            if case .number(let number) = value { number.int64Value } else { nil }
        }
    }

    /// A boolean that may also be absent or `null`.
    public mutating func flag(_ key: String) -> PatchValue<Bool> {
        scalar(key, mustBe: "true or false") { value in
            if case .bool(let flag) = value { flag } else { nil }
        }
    }

    /// The field `key`: absent, `null`, or what `match` reads from its value; a value `match`
    /// refuses is of the wrong type, reported as "must be `expected`".
    private mutating func scalar<Value>(_ key: String, mustBe expected: String, _ match: (JSONValue) -> Value?) -> PatchValue<Value> {
        switch object[key] {
        case nil: return .absent
        case .null?: return .null
        case let value?:
            if let matched = match(value) { return .value(matched) }
            typeErrors.append(FieldError(field: path + key, message: "must be \(expected)"))
            return .absent
        }
    }

    /// A nested object, read by `read` with field names prefixed by its path.
    public mutating func object<Value>(_ key: String, _ read: (inout BodyFields) -> Value) -> PatchValue<Value> {
        switch object[key] {
        case nil: return .absent
        case .null?: return .null
        case .object(let members)?: return .value(nested(members, path: "\(path)\(key).", read))
        default:
            typeErrors.append(FieldError(field: path + key, message: "must be an object"))
            return .absent
        }
    }

    /// An array of objects, each read by `read`.
    public mutating func objects<Value>(_ key: String, _ read: (inout BodyFields) -> Value) -> PatchValue<[Value]> {
        switch object[key] {
        case nil: return .absent
        case .null?: return .null
        case .array(let elements)?:
            var values: [Value] = []
            for (index, element) in elements.enumerated() {
                guard case .object(let members) = element else {
                    typeErrors.append(FieldError(field: "\(path)\(key)[\(index)]", message: "must be an object"))
                    continue
                }
                values.append(nested(members, path: "\(path)\(key)[\(index)].", read))
            }
            return .value(values)
        default:
            typeErrors.append(FieldError(field: path + key, message: "must be an array of objects"))
            return .absent
        }
    }

    /// A nested object that must be present: absent or `null` is malformed (400), like a wrong type.
    public mutating func requiredObject<Value>(_ key: String, _ read: (inout BodyFields) -> Value) -> Value? {
        guard case .value(let value) = object(key, read) else {
            if object[key] == nil || object[key] == .null {
                typeErrors.append(FieldError(field: path + key, message: "must be an object"))
            }
            return nil
        }
        return value
    }

    /// A string from a closed vocabulary where any other value is malformed input (400), as
    /// Violet's preference values are; `null` is absent.
    public mutating func choice<Value: RawRepresentable & CaseIterable>(_ key: String, _: Value.Type) -> Value? where Value.RawValue == String {
        guard let text = string(key).valueOrNil else { return nil }
        guard let value = Value(rawValue: text) else {
            typeErrors.append(FieldError(field: path + key, message: "must be one of: \(Value.allCases.map(\.rawValue).joined(separator: ", "))"))
            return nil
        }
        return value
    }

    /// Reports every key but `known` as malformed (400): for closed shapes, where an unknown
    /// key is a mistake rather than a field this server ignores.
    public mutating func rejectUnknownKeys(except known: [String]) {
        for key in object.keys where !known.contains(key) {
            typeErrors.append(FieldError(field: path + key, message: "is not a known field; expected one of: \(known.joined(separator: ", "))"))
        }
    }

    private mutating func nested<Value>(_ members: JSONObject, path: String, _ read: (inout BodyFields) -> Value) -> Value {
        var child = BodyFields(members, path: path)
        let value = read(&child)
        typeErrors += child.typeErrors
        ruleErrors += child.ruleErrors
        return value
    }

    /// Ends reading.
    /// - Throws: ``WrongFieldTypes`` naming every field of the wrong JSON type, else a
    ///   `ValidationFailure` naming every broken shape rule.
    public func finish() throws {
        if !typeErrors.isEmpty {
            throw WrongFieldTypes(details: typeErrors)
        }
        if !ruleErrors.isEmpty {
            throw ValidationFailure(details: ruleErrors)
        }
    }
}
