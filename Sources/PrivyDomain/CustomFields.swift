/// A contact's `custom_fields`: a flat JSON object whose keys are unique and keep their order.
///
/// Building one never fails; the contact rules check it against the limits, reporting every breach:
/// - at most ``maximumKeyCount`` (100) keys;
/// - each key 1 to ``maximumKeyLength`` (128) UTF-8 bytes;
/// - each string value, and each number's text, at most ``maximumValueLength`` (2048) UTF-8 bytes;
/// - each number's text in JSON's number grammar, its value within IEEE-754 double range (the
///   upstream stores numbers as doubles: `1e999999` would overflow, `1e-999999` would become 0).
///
/// Two values are equal when they hold the same keys with the same values, in any order, as JSON
/// objects are; iteration follows insertion order.
public struct CustomFields: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    /// One key and its value.
    public struct Entry: Sendable, Hashable {
        /// The field's name.
        public var key: String
        /// The field's value.
        public var value: CustomFieldValue
    }

    /// The most keys a contact may have.
    public static let maximumKeyCount = 100
    /// The longest key, in UTF-8 bytes.
    public static let maximumKeyLength = 128
    /// The longest string value or number text, in UTF-8 bytes.
    public static let maximumValueLength = 2_048

    private var entries: [Entry] = []
    private var positions: [String: Int] = [:]

    /// Creates an empty object.
    public init() {}

    /// Creates an object from key-value pairs in order; a repeated key keeps its first position and
    /// its last value.
    ///
    /// - Parameters:
    ///   - elements: the pairs.
    public init(dictionaryLiteral elements: (String, CustomFieldValue)...) {
        for (key, value) in elements {
            self[key] = value
        }
    }

    /// The value of `key`, or `nil` if there is none.
    ///
    /// Setting a new key appends it; setting an existing key replaces its value in place; setting `nil`
    /// removes the key. (A field whose value is JSON `null` holds ``CustomFieldValue/null``, not `nil`.)
    ///
    /// - Parameters:
    ///   - key: the field's name.
    public subscript(key: String) -> CustomFieldValue? {
        get {
            positions[key].map { entries[$0].value }
        }
        set {
            switch (positions[key], newValue) {
            case (let position?, let value?):
                entries[position].value = value
            case (let position?, nil):
                entries.remove(at: position)
                positions = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1.key, $0) })
            case (nil, let value?):
                positions[key] = entries.count
                entries.append(Entry(key: key, value: value))
            case (nil, nil):
                break
            }
        }
    }

    /// The number of keys.
    public var count: Int {
        entries.count
    }

    /// Whether there are no keys.
    public var isEmpty: Bool {
        entries.isEmpty
    }

    /// The keys in order.
    public var keys: [String] {
        entries.map(\.key)
    }

    /// Iterates the entries in order.
    ///
    /// - Returns: an iterator over the entries.
    public func makeIterator() -> IndexingIterator<[Entry]> {
        entries.makeIterator()
    }

    /// Whether both objects hold the same keys with the same values, in any order.
    ///
    /// - Parameters:
    ///   - lhs: one object.
    ///   - rhs: another object.
    /// - Returns: whether they are equal as JSON objects.
    public static func == (lhs: CustomFields, rhs: CustomFields) -> Bool {
        Set(lhs.entries) == Set(rhs.entries)
    }

    /// Hashes the entries without regard to their order, consistently with `==`.
    ///
    /// - Parameters:
    ///   - hasher: the hasher to feed.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(Set(entries))
    }

    /// Every limit this object breaks, reported under `field` (key problems, once, on `field` itself;
    /// value problems on `field.<key>`).
    func violations(field: String) -> [FieldError] {
        var violations: [FieldError] = []
        if count > Self.maximumKeyCount {
            violations.append(FieldError(field: field, message: "must have at most \(Self.maximumKeyCount) keys"))
        }
        if entries.contains(where: { !Self.isValidKey($0.key) }) {
            violations.append(
                FieldError(field: field, message: "keys must be 1 to \(Self.maximumKeyLength) bytes long")
            )
        }
        for entry in entries where Self.isValidKey(entry.key) {
            let valueField = field + "." + entry.key
            switch entry.value {
            case .string(let text) where text.utf8.count > Self.maximumValueLength,
                .number(let text) where text.utf8.count > Self.maximumValueLength:
                violations.append(.tooLong(valueField, maximum: Self.maximumValueLength, unit: "bytes"))
            case .number(let text) where DecimalText(text) == nil:
                violations.append(FieldError(field: valueField, message: "is not a valid number"))
            case .number(let text) where !Self.fitsDouble(text):
                violations.append(FieldError(field: valueField, message: "is outside the range of a double-precision number"))
            case .string, .number, .bool, .null:
                break
            }
        }
        return violations
    }

    /// Whether a valid number's value is a finite double, and a non-zero one stays non-zero.
    private static func fitsDouble(_ text: String) -> Bool {
        guard let value = Double(text), value.isFinite else { return false }
        return value != 0 || DecimalText(text)?.digits.allSatisfy({ $0 == 0 }) == true
    }

    private static func isValidKey(_ key: String) -> Bool {
        (1...maximumKeyLength).contains(key.utf8.count)
    }
}
