import Glibc

/// Tells whether another process has a data directory's LMDB environment open.
///
/// Every process with the environment open holds a shared `fcntl` lock on the first byte of
/// `lock.mdb` for as long as it is open. Asking (`F_GETLK`) whether an exclusive lock on that
/// byte would conflict names such a process without taking or disturbing any lock. It cannot
/// see this process's own locks, so ask before opening the environment here.
enum DataDirectoryUse {
    /// The id of a process that has the environment in `directory` open, or `nil` if none has.
    static func holder(of directory: String) -> Int32? {
        let descriptor = open(directory + "/lock.mdb", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var probe = flock()
        probe.l_type = Int16(F_WRLCK)
        probe.l_whence = Int16(SEEK_SET)
        probe.l_start = 0
        probe.l_len = 1
        guard fcntl(descriptor, F_GETLK, &probe) == 0, probe.l_type != Int16(F_UNLCK) else { return nil }
        return probe.l_pid
    }
}
