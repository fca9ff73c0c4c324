/// Why a backup, a restore or a check of a data directory did not go ahead. Whatever it names
/// was left as it was.
public enum MaintenanceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The backup file exists and overwriting was not asked for.
    case destinationExists(path: String)
    /// The file is not an LMDB environment.
    case notAnEnvironment(path: String, reason: String)
    /// The file is an LMDB environment without privy-edge's schema version.
    case notAStore(path: String)
    /// The backup was written by a newer privy-edge.
    case schemaTooNew(path: String, found: UInt32, supported: UInt32)
    /// A process (a running server or CLI) has the data directory open.
    case inUse(path: String, processID: Int32)
    /// The data directory holds data and replacing it was not asked for.
    case holdsData(path: String)
    /// The data directory does not exist.
    case noDirectory(path: String)
    /// A file-system call failed.
    case fileSystem(operation: String, path: String, reason: String)

    public var description: String {
        switch self {
        case .destinationExists(let path):
            "\(path) already exists: choose another file or pass --force to overwrite it"
        case .notAnEnvironment(let path, let reason):
            "\(path) is not a privy-edge backup: it is not an LMDB environment (\(reason)); nothing was changed"
        case .notAStore(let path):
            "\(path) is not a privy-edge backup: it is an LMDB environment without a schema version; nothing was changed"
        case .schemaTooNew(let path, let found, let supported):
            "\(path) uses schema version \(found), but this privy-edge supports up to \(supported): restore it with a newer privy-edge (nothing was changed)"
        case .inUse(let path, let processID):
            "\(path) is in use by process \(processID) (a running privy-edge?): stop it first (systemctl stop privy-edge); nothing was changed"
        case .holdsData(let path):
            "\(path) already holds data: pass --force to replace it (back it up first with privy-edge backup); nothing was changed"
        case .noDirectory(let path):
            "there is no directory \(path): pass the right --data-dir, or restore a backup with privy-edge restore"
        case .fileSystem(let operation, let path, let reason):
            "cannot \(operation) \(path): \(reason)"
        }
    }
}
