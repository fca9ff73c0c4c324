#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// The CPU time the calling thread has used: read before and after a call, the difference is
/// what the call cost the thread on the CPU, and wall time minus that is what it waited.
enum ThreadCPUClock {
    /// The calling thread's CPU time since it started.
    static func now() -> Duration {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
    }
}
