extension JSONValue: ExpressibleByBooleanLiteral {
    /// Creates ``bool(_:)`` from a Boolean literal.
    ///
    /// - Parameters:
    ///   - value: The literal.
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }
}

extension JSONValue: ExpressibleByIntegerLiteral {
    /// Creates ``number(_:)`` from an integer literal.
    ///
    /// - Parameters:
    ///   - value: The literal.
    public init(integerLiteral value: Int) {
        self = .number(JSONNumber(value))
    }
}

extension JSONValue: ExpressibleByStringLiteral {
    /// Creates ``string(_:)`` from a string literal.
    ///
    /// - Parameters:
    ///   - value: The literal.
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}

extension JSONValue: ExpressibleByArrayLiteral {
    /// Creates ``array(_:)`` from an array literal.
    ///
    /// - Parameters:
    ///   - elements: The elements, in order.
    public init(arrayLiteral elements: JSONValue...) {
        self = .array(elements)
    }
}

extension JSONValue: ExpressibleByDictionaryLiteral {
    /// Creates ``object(_:)`` from a dictionary literal, keeping the literal's order.
    ///
    /// - Parameters:
    ///   - elements: Key–value pairs with unique keys; a duplicate key traps.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements))
    }
}
