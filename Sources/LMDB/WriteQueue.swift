#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// The bounded queue between callers and the writer thread.
///
/// Callers never block: a full queue refuses at once, which is the back-pressure signal.
/// The writer thread blocks until work arrives, the queue closes, or a timeout passes.
final class WriteQueue: @unchecked Sendable {
    /// What ``take(atMost:waitingAtMost:)`` found.
    enum Take {
        /// Work to do.
        case batch([any PendingWrite])
        /// The timeout passed with nothing queued.
        case idle
        /// The queue is closed and empty: the writer should stop.
        case closed
    }

    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>
    private var items: [any PendingWrite] = []
    private var isClosed = false
    private var closeWaiters: [CheckedContinuation<Void, Never>] = []
    private var writerExited = false
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
        condition = .allocate(capacity: 1)
        condition.initialize(to: pthread_cond_t())
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    private func locked<R>(_ body: () throws -> R) rethrows -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }

    /// The number of writes waiting.
    var count: Int {
        locked { items.count }
    }

    /// Queues `item`, or says why it cannot be queued.
    /// - Returns: `nil` if queued; otherwise the failure to answer the caller with.
    func enqueue(_ item: any PendingWrite) -> GroupCommitWriter.Failure? {
        let refusal: GroupCommitWriter.Failure? = locked {
            if isClosed { return .closed }
            if items.count >= capacity { return .overloaded }
            items.append(item)
            return nil
        }
        if refusal == nil {
            pthread_cond_signal(condition)
        }
        return refusal
    }

    /// Puts writes back at the head of the queue, ahead of newer ones (capacity is not checked:
    /// they were admitted before).
    func requeueAtFront(_ writes: some Collection<any PendingWrite>) {
        locked { items.insert(contentsOf: writes, at: 0) }
    }

    /// Waits for work and takes up to `limit` writes in arrival order.
    /// - Parameters:
    ///   - limit: the most writes to take.
    ///   - timeout: how long to wait for work; `nil` waits until work arrives or the queue closes.
    func take(atMost limit: Int, waitingAtMost timeout: Duration?) -> Take {
        locked {
            if items.isEmpty && !isClosed {
                if let timeout {
                    var deadline = Self.realtimeDeadline(after: timeout)
                    while items.isEmpty && !isClosed {
                        if pthread_cond_timedwait(condition, mutex, &deadline) == ETIMEDOUT { break }
                    }
                } else {
                    while items.isEmpty && !isClosed {
                        pthread_cond_wait(condition, mutex)
                    }
                }
            }
            if items.isEmpty {
                return isClosed ? .closed : .idle
            }
            let count = min(limit, items.count)
            let batch = Array(items[..<count])
            items.removeFirst(count)
            return .batch(batch)
        }
    }

    /// Refuses new writes; those already queued are still taken.
    func close() {
        locked { isClosed = true }
        pthread_cond_broadcast(condition)
    }

    /// Waits until the writer thread has drained the queue and exited.
    func waitForWriterExit() async {
        await withCheckedContinuation { continuation in
            let exited = locked {
                if !writerExited { closeWaiters.append(continuation) }
                return writerExited
            }
            if exited { continuation.resume() }
        }
    }

    /// Called by the writer thread as its last act.
    func writerDidExit() {
        let waiters = locked {
            writerExited = true
            defer { closeWaiters = [] }
            return closeWaiters
        }
        for waiter in waiters { waiter.resume() }
    }

    private static func realtimeDeadline(after duration: Duration) -> timespec {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let (seconds, attoseconds) = duration.components
        var nanoseconds = Int(now.tv_nsec) + Int(attoseconds / 1_000_000_000)
        var wholeSeconds = Int(now.tv_sec) + Int(seconds)
        if nanoseconds >= 1_000_000_000 {
            wholeSeconds += 1
            nanoseconds -= 1_000_000_000
        }
        return timespec(tv_sec: wholeSeconds, tv_nsec: nanoseconds)
    }
}
