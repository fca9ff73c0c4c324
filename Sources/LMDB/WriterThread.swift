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

    /// Starts `body` on a new detached thread.
    static func start(_ body: @escaping @Sendable () -> Void) {
        let entry = Unmanaged.passRetained(Entry(body)).toOpaque()
        var thread = pthread_t()
        let result = pthread_create(&thread, nil, { argument in
            let entry = Unmanaged<Entry>.fromOpaque(argument!).takeRetainedValue()
            entry.body()
            return nil
        }, entry)
        precondition(result == 0, "cannot start the writer thread: pthread_create returned \(result)")
        pthread_detach(thread)
    }
}
