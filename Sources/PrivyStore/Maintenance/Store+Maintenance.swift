import LMDB

extension Store {
    /// Writes a consistent, compacted copy of the store to `file` while it stays in use, then
    /// checks the copy by opening it.
    ///
    /// The copy is written into a new directory next to `file` and renamed over it only once it
    /// is complete and on disk, so `file` is never a partial backup.
    /// - Parameters:
    ///   - file: where the backup goes: an LMDB data file, restorable with ``BackupRestore``.
    ///   - overwriting: replace an existing `file`.
    /// - Returns: the backup's size and schema version.
    /// - Throws: ``MaintenanceError`` or an `LMDBError`; `file` is then unchanged.
    public func backup(to file: String, overwriting: Bool) throws -> BackupInspection {
        if !overwriting && FileSystem.exists(file) { throw MaintenanceError.destinationExists(path: file) }
        let staging = try FileSystem.makeTemporaryDirectory(nextTo: file, purpose: "backup")
        defer { try? FileSystem.remove(staging) }
        // A short read first adopts a map another process grew, which the copy would refuse.
        try environment.read { _ in }
        try environment.copy(to: staging, compacting: true)
        try FileSystem.synchronize(staging + "/data.mdb")
        let inspection = try BackupInspection.inspect(directory: staging, name: file)
        try FileSystem.rename(staging + "/data.mdb", to: file)
        try FileSystem.synchronize(FileSystem.parent(of: file))
        return inspection
    }
}
