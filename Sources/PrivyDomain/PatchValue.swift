/// What a `PATCH` body says about one field: nothing, `null`, or a value.
public enum PatchValue<Wrapped> {
    /// The key is absent: leave the field as it is.
    case absent
    /// The key is present with JSON `null`: clear the field.
    case null
    /// The key is present with a value: set the field to it.
    case value(Wrapped)

    /// Whether the body carries a value (valid or not) for the field.
    var hasValue: Bool {
        if case .value = self { true } else { false }
    }
}

extension PatchValue: Sendable where Wrapped: Sendable {}
extension PatchValue: Equatable where Wrapped: Equatable {}
extension PatchValue: Hashable where Wrapped: Hashable {}

extension PatchValue {
    /// A field's value once this patch is applied to it.
    ///
    /// - Returns: `current` when absent, `cleared` when `null`, and `set(value)` for a value.
    func applied<Field>(to current: Field, clearing cleared: Field, setting set: (Wrapped) -> Field) -> Field {
        switch self {
        case .absent: current
        case .null: cleared
        case .value(let value): set(value)
        }
    }
}

extension PatchValue {
    /// The patch with its value transformed; a value the transform refuses (`nil`) becomes
    /// `null`: callers record why, and a request with an error is never stored.
    func checked<Checked>(_ transform: (Wrapped) -> Checked?) -> PatchValue<Checked> {
        switch self {
        case .absent: .absent
        case .null: .null
        case .value(let value): transform(value).map(PatchValue<Checked>.value) ?? .null
        }
    }

    /// An optional field's value once this patch is applied to it: `current` when absent,
    /// `nil` when `null`, the value otherwise.
    func merged(over current: Wrapped?) -> Wrapped? {
        applied(to: current, clearing: nil) { $0 }
    }
}
