public import PrivyDomain

/// A create or update would give a contact an email or phone another live contact has.
public struct ContactConflict: Error, Sendable, Equatable {
    /// The contact that already has it.
    public var existingID: ContactID
    /// The wire field that collides: `email` or `phone_number`.
    public var field: String
}

/// The contact does not exist (or was deleted).
public struct ContactNotFound: Error, Sendable, Equatable {
    /// The id that was asked for.
    public var id: String

    /// Creates the error for `id`.
    public init(id: String) {
        self.id = id
    }
}
