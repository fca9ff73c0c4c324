public import PrivyDomain

extension PatchValue {
    /// The value, treating `null` like absent: for fields where clearing means nothing.
    public var valueOrNil: Wrapped? {
        if case .value(let value) = self { value } else { nil }
    }
}
