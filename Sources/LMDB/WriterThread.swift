#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Starts a POSIX thread that runs one closure to its end.
enum WriterThread {
    private final class Entry {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    /// The writer thread's name, as `/proc/PID/task/*/comm`, `top -H` and `perf` show it.
    static let name = "privy-writer"

    /// Starts `body` on a new detached thread named ``name``.
    static func start(_ body: @escaping @Sendable () -> Void) {
        let entry = Unmanaged.passRetained(Entry {
            nameCurrentThread()
            body()
        }).toOpaque()
        var thread = pthread_t()
        let result = pthread_create(&thread, nil, { argument in
            let entry = Unmanaged<Entry>.fromOpaque(argument!).takeRetainedValue()
            entry.body()
            return nil
        }, entry)
        precondition(result == 0, "cannot start the writer thread: pthread_create returned \(result)")
        pthread_detach(thread)
    }

    /// Names the calling thread by writing its `comm` file (glibc's `pthread_setname_np` is not
    /// visible to Swift); a thread that cannot be named runs on unnamed.
    private static func nameCurrentThread() {
        let file = open("/proc/thread-self/comm", O_WRONLY)
        guard file >= 0 else { return }
        _ = name.utf8CString.withUnsafeBufferPointer { write(file, $0.baseAddress, $0.count - 1) }
        close(file)
    }
}
