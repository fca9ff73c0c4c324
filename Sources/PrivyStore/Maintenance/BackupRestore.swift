public import PrivyDomain

/// Replaces a data directory with a backup, checking the backup first and swapping atomically.
///
/// The backup is copied into a new directory beside the target and opened read-only there; only
/// a backup this build can read goes further. The old directory is renamed to
/// `DIR.replaced-<UTC time>`, the new one takes its name, and the old one is deleted once that
/// succeeded (or renamed back if it did not).
public enum BackupRestore {
    /// What a restore did.
    public struct Outcome: Sendable, Equatable {
        /// The restored backup's schema version and size.
        public let inspection: BackupInspection
        /// Whether a directory was there before and was replaced.
        public let replacedExisting: Bool
    }

    /// Restores `file` into `directory`.
    /// - Parameters:
    ///   - file: a backup written by ``Store/backup(to:overwriting:)``.
    ///   - directory: the data directory to create or replace (through a symbolic link: the
    ///     directory it names); its parent must exist.
    ///   - replacingData: replace a directory that holds data.
    ///   - now: the time used to name the directory set aside.
    /// - Returns: what was restored.
    /// - Throws: ``MaintenanceError``: the backup is unreadable or too new, the directory is in
    ///   use or holds data; `directory` is then unchanged.
    public static func restore(_ file: String, into directory: String, replacingData: Bool, now: Timestamp = .now()) throws -> Outcome {
        let existing = FileSystem.exists(directory)
        // Through a symbolic link (systemd's DynamicUser state directory is one), the directory
        // it names is replaced and the link is kept.
        let target = existing ? try FileSystem.resolved(directory) : FileSystem.trimmingSlashes(directory)
        if existing {
            if let holder = DataDirectoryUse.holder(of: target) { throw MaintenanceError.inUse(path: target, processID: holder) }
            if !replacingData, try holdsData(target) { throw MaintenanceError.holdsData(path: target) }
        }
        let staging = try FileSystem.makeTemporaryDirectory(nextTo: target, purpose: "restore")
        defer { try? FileSystem.remove(staging) }
        try FileSystem.copyFile(from: file, to: staging + "/data.mdb")
        let inspection = try BackupInspection.inspect(directory: staging, name: file)
        if existing {
            let setAside = target + ".replaced-" + compactUTC(now)
            try FileSystem.rename(target, to: setAside)
            do {
                try FileSystem.rename(staging, to: target)
            } catch {
                try? FileSystem.rename(setAside, to: target)
                throw error
            }
            try FileSystem.synchronize(FileSystem.parent(of: target))
            try FileSystem.remove(setAside)
        } else {
            try FileSystem.rename(staging, to: target)
            try FileSystem.synchronize(FileSystem.parent(of: target))
        }
        return Outcome(inspection: inspection, replacedExisting: existing)
    }

    /// Whether `directory` holds anything but LMDB's lock file.
    static func holdsData(_ directory: String) throws(MaintenanceError) -> Bool {
        try FileSystem.entries(of: directory).contains { $0 != "lock.mdb" }
    }

    /// `20261122T101530Z`: a time fit for a file name.
    static func compactUTC(_ time: Timestamp) -> String {
        let whole = Timestamp(microsecondsSinceEpoch: time.microsecondsSinceEpoch / 1_000_000 * 1_000_000)
        return whole.rfc3339.filter { $0 != "-" && $0 != ":" }
    }
}
