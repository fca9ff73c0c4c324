import Glibc

/// Makes `serve` the only server of its data directory: two would both export every change to
/// the upstream.
///
/// `serve` holds an exclusive `fcntl` write lock on `serve.lock` in the data directory for the
/// rest of its life; the kernel releases it when the process ends, however it ends. The other
/// commands never take it (they work on the data directory of a running server), but can ask
/// which process holds it.
public enum ServeLock {
    /// The lock file, in the data directory.
    static let fileName = "serve.lock"

    /// Takes the lock for the rest of this process's life: its descriptor is never closed.
    /// - Throws: ``DataDirectoryRefused`` naming the process that serves `directory` already, or
    ///   saying why the lock could not be taken.
    static func acquire(directory: String) throws {
        let path = directory + "/" + fileName
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw DataDirectoryRefused("cannot open \(path): \(String(cString: strerror(errno)))") }
        var lock = wholeFileWriteLock
        guard fcntl(descriptor, F_SETLK, &lock) == 0 else {
            let reason = errno
            close(descriptor)
            guard reason == EAGAIN || reason == EACCES else { throw DataDirectoryRefused("cannot lock \(path): \(String(cString: strerror(reason)))") }
            let serving = holder(of: directory).map { "process \($0)" } ?? "another process"
            throw DataDirectoryRefused("\(directory) is already served by \(serving): two servers on one data directory would both export every change upstream. Stop it first, or give this one its own --data-dir.")
        }
    }

    /// The id of the process serving `directory`, or `nil` if none is.
    ///
    /// Never ask in a process that holds the lock: it cannot see its own lock, and closing any
    /// descriptor of the file would release it.
    public static func holder(of directory: String) -> Int32? {
        let descriptor = open(directory + "/" + fileName, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var probe = wholeFileWriteLock
        guard fcntl(descriptor, F_GETLK, &probe) == 0, probe.l_type != Int16(F_UNLCK) else { return nil }
        return probe.l_pid
    }

    /// A write lock on the whole file.
    private static var wholeFileWriteLock: flock {
        var lock = flock()
        lock.l_type = Int16(F_WRLCK)
        lock.l_whence = Int16(SEEK_SET)
        lock.l_start = 0
        lock.l_len = 0
        return lock
    }
}
