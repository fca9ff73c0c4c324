import Glibc
import LMDB

/// Figures about a data directory for `privy-edge doctor`: permissions, free space and, when it
/// holds a store, its schema and map use. Reading them writes nothing but clears reader slots
/// left by dead processes.
public struct DataDirectoryHealth: Sendable {
    /// The permissions of a file or directory.
    public struct FileMode: Sendable, Equatable {
        /// Its path.
        public let path: String
        /// Its permission bits, such as `0o700`.
        public let mode: UInt32
        /// Whether it is a directory.
        public let isDirectory: Bool

        /// Whether only its owner may use it: no group or other bits.
        public var isPrivate: Bool {
            mode & 0o077 == 0
        }
    }

    /// Figures about the LMDB environment in the directory.
    public struct StoreFigures: Sendable, Equatable {
        /// The schema version in `meta`, or `nil` if there is none.
        public let schemaVersion: UInt32?
        /// The map size recorded in the data file, in bytes.
        public let mapSize: Int
        /// Bytes in use.
        public let usedBytes: Int
        /// The data file's size on disk, in bytes.
        public let dataFileBytes: Int
        /// Reader slots of dead processes that were cleared.
        public let staleReadersCleared: Int
    }

    /// The schema version this build reads and writes.
    public static let supportedSchemaVersion = SchemaVersion.current

    /// The data directory.
    public let directory: String
    /// The directory's and its LMDB files' permissions.
    public let modes: [FileMode]
    /// Bytes free on its file system.
    public let freeBytes: Int
    /// The store's figures, or `nil` when the directory holds no `data.mdb`.
    public let store: StoreFigures?

    /// Examines an existing data directory.
    /// - Parameter directory: the data directory.
    /// - Throws: ``MaintenanceError/noDirectory(path:)`` or another ``MaintenanceError`` if it cannot be read, or an `LMDBError` if its
    ///   environment cannot be opened.
    public static func examine(directory: String) throws -> DataDirectoryHealth {
        guard FileSystem.exists(directory) else { throw MaintenanceError.noDirectory(path: directory) }
        let modes = try [directory, directory + "/data.mdb", directory + "/lock.mdb"]
            .filter(FileSystem.exists)
            .map { path throws(MaintenanceError) in
                let status = try FileSystem.status(of: path)
                return FileMode(path: path, mode: UInt32(status.st_mode) & 0o777, isDirectory: status.st_mode & S_IFMT == S_IFDIR)
            }
        let hasStore = FileSystem.exists(directory + "/data.mdb")
        return DataDirectoryHealth(
            directory: directory,
            modes: modes,
            freeBytes: try FileSystem.freeBytes(at: directory),
            store: hasStore ? try figures(of: directory) : nil
        )
    }

    /// Opens the environment (closed again on return), clears stale readers and reads figures.
    private static func figures(of directory: String) throws -> StoreFigures {
        // A map size of 0 takes the one recorded in the file.
        let environment = try Environment(path: directory, configuration: .init(initialMapSize: 0))
        let cleared = try environment.clearStaleReaders()
        let info = try environment.info()
        return StoreFigures(
            schemaVersion: try SchemaVersion.stored(in: environment),
            mapSize: info.mapSize,
            usedBytes: info.usedBytes,
            dataFileBytes: try FileSystem.size(of: directory + "/data.mdb"),
            staleReadersCleared: cleared
        )
    }
}
