import LMDB

/// What a backup holds, checked by opening it read-only as an LMDB environment.
public struct BackupInspection: Sendable, Equatable {
    /// The schema version stored in its `meta` database.
    public let schemaVersion: UInt32
    /// The size of its data file in bytes.
    public let bytes: Int

    /// Opens the environment in `directory` read-only, reads its schema version and removes the
    /// lock file the open left behind.
    /// - Parameters:
    ///   - directory: a directory holding the backup as `data.mdb`.
    ///   - name: how the backup is named in errors (the file the operator gave).
    /// - Throws: ``MaintenanceError/notAnEnvironment(path:reason:)``,
    ///   ``MaintenanceError/notAStore(path:)`` or ``MaintenanceError/schemaTooNew(path:found:supported:)``.
    static func inspect(directory: String, name: String) throws -> BackupInspection {
        defer { try? FileSystem.remove(directory + "/lock.mdb") }
        let found = try readSchemaVersion(directory: directory, name: name)
        guard let found else { throw MaintenanceError.notAStore(path: name) }
        guard found <= SchemaVersion.current else {
            throw MaintenanceError.schemaTooNew(path: name, found: found, supported: SchemaVersion.current)
        }
        let bytes = try FileSystem.size(of: directory + "/data.mdb")
        return BackupInspection(schemaVersion: found, bytes: bytes)
    }

    /// The stored schema version; the environment is closed again on return.
    private static func readSchemaVersion(directory: String, name: String) throws -> UInt32? {
        let environment: Environment
        do {
            // A map size of 0 takes the one recorded in the file.
            environment = try Environment(path: directory, configuration: .init(initialMapSize: 0, flags: .readOnly))
        } catch {
            throw MaintenanceError.notAnEnvironment(path: name, reason: error.message)
        }
        return try SchemaVersion.stored(in: environment)
    }
}
