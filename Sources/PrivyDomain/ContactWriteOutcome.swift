/// The result of a valid contact write: the new record and what the write records.
public struct ContactWriteOutcome: Sendable, Hashable {
    /// The contact after the write.
    public var contact: Contact
    /// The consent changes to append to the audit log, oldest first.
    public var events: [ConsentEvent]
    /// The side effects to record for the upstream.
    public var effects: [ConsentEffect]
    /// The wire fields whose values changed; empty for a write that changed nothing.
    public var changedFields: ContactFields
}
