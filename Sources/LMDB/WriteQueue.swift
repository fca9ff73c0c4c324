#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// The bounded queue between callers and the writer thread.
///
/// Callers never block: a full queue refuses at once, which is the back-pressure signal.
/// The writer thread blocks until work arrives or the queue closes.
final class WriteQueue: @unchecked Sendable {
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

    /// Whether new writes are still taken (the queue is not closed).
    var isOpen: Bool {
        locked { !isClosed }
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
    /// - Parameter limit: the most writes to take.
    /// - Returns: the writes, or `nil` once the queue is closed and empty: the writer stops.
    func take(atMost limit: Int) -> [any PendingWrite]? {
        locked {
            while items.isEmpty && !isClosed {
                pthread_cond_wait(condition, mutex)
            }
            guard !items.isEmpty else { return nil }
            let count = min(limit, items.count)
            let batch = Array(items[..<count])
            items.removeFirst(count)
            return batch
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
}
