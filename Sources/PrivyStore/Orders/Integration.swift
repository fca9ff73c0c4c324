public import PrivyDomain

/// A Custom Integration: orders sent with its token in `X-Privy-Integration-Token` are
/// attributed to it. The token is kept so an operator can reveal it later, as Privy's Reveal
/// action does.
public struct Integration: Sendable, Hashable {
    /// `int_` + 12 hex digits.
    public var id: String
    /// A label for people.
    public var name: String
    /// The integration token, `pit_` + 40 hex digits.
    public var token: String
    /// When it was created.
    public var createdAt: Timestamp
    /// When an operator deactivated it, if ever.
    public var deactivatedAt: Timestamp?

    /// Whether orders may be attributed to it.
    public var isActive: Bool {
        deactivatedAt == nil
    }

    func writeFields(to writer: inout RecordWriter) {
        writer.write(id)
        writer.write(name)
        writer.write(token)
        writer.write(createdAt)
        writer.write(deactivatedAt)
    }

    init(id: String, name: String, token: String, createdAt: Timestamp, deactivatedAt: Timestamp? = nil) {
        self.id = id
        self.name = name
        self.token = token
        self.createdAt = createdAt
        self.deactivatedAt = deactivatedAt
    }

    init(readingFields reader: inout RecordReader) throws(CorruptRecord) {
        id = try reader.read(String.self)
        name = try reader.read(String.self)
        token = try reader.read(String.self)
        createdAt = try reader.read(Timestamp.self)
        deactivatedAt = try reader.read(Timestamp?.self)
    }
}

extension Integration: StoredRecord {
    static let table = "integrations"
}
