/// Why the store cannot be opened or used.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The data directory was written by a newer privy-edge; nothing was changed.
    case schemaTooNew(found: UInt32, supported: UInt32)
    /// The data directory cannot be created or opened.
    case dataDirectory(path: String, reason: String)
    /// The data directory holds a damaged record.
    case corrupt(String)

    public var description: String {
        switch self {
        case .schemaTooNew(let found, let supported):
            "the data directory uses schema version \(found), but this privy-edge supports up to \(supported): upgrade privy-edge (nothing was changed)"
        case .dataDirectory(let path, let reason):
            "cannot use data directory \(path): \(reason)"
        case .corrupt(let what):
            "the data directory is damaged: \(what)"
        }
    }
}
