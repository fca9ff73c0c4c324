#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Timestamp {
    /// The current wall-clock time, read with `clock_gettime(CLOCK_REALTIME)`.
    ///
    /// This is the module's only system call. The contact rules never call it: callers read the clock
    /// once per request and pass the instant in, so the rules stay pure and testable.
    ///
    /// - Returns: the current instant, truncated to the microsecond.
    public static func now() -> Timestamp {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Timestamp(microsecondsSinceEpoch: Int64(time.tv_sec) * 1_000_000 + Int64(time.tv_nsec) / 1_000)
    }
}
