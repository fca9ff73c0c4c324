#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

extension GroupCommitWriter.Failure: CustomStringConvertible {
    /// Whether the write was refused for lack of space: the map at its maximum, or a full disk.
    public var isLackOfSpace: Bool {
        switch self {
        case .storageFull, .diskFull: true
        case .overloaded, .closed: false
        }
    }

    /// A short name for the refusal: `storage_full`, `disk_full`, `overloaded` or `closed`.
    public var reason: String {
        switch self {
        case .storageFull: "storage_full"
        case .diskFull: "disk_full"
        case .overloaded: "overloaded"
        case .closed: "closed"
        }
    }

    /// What happened, for people: `the disk is full: the file system refused the write (No space left on device)`.
    public var description: String {
        switch self {
        case .storageFull(let maxMapSize): "the data file reached its maximum size (\(maxMapSize) bytes)"
        case .diskFull(let code): "the disk is full: the file system refused the write (\(String(cString: strerror(code))))"
        case .overloaded: "the write queue is full"
        case .closed: "the writer is closed"
        }
    }
}
