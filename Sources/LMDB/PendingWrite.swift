/// One caller's write, waiting for the batch it lands in to commit.
protocol PendingWrite: AnyObject, Sendable {
    /// Runs the operation in `transaction`, keeping its outcome until the batch settles.
    /// Runs again, from scratch, if the batch is replayed.
    /// - Throws: what the operation threw (the outcome is kept as a failure too).
    func attempt(in transaction: WriteTransaction) throws

    /// Answers the caller with the kept outcome; called once the batch has committed.
    func answer()

    /// Answers the caller with `error`; nothing this write did was committed.
    func fail(_ error: any Error)
}

/// A ``PendingWrite`` for an operation returning `Result`.
final class WriteRequest<Result: Sendable>: PendingWrite, @unchecked Sendable {
    private let operation: @Sendable (WriteTransaction) throws -> Result
    private let continuation: CheckedContinuation<Result, any Error>
    /// Touched only by the writer thread.
    private var outcome: Swift.Result<Result, any Error>?

    init(
        operation: @escaping @Sendable (WriteTransaction) throws -> Result,
        continuation: CheckedContinuation<Result, any Error>
    ) {
        self.operation = operation
        self.continuation = continuation
    }

    func attempt(in transaction: WriteTransaction) throws {
        do {
            outcome = .success(try operation(transaction))
        } catch {
            outcome = .failure(error)
            throw error
        }
    }

    func answer() {
        guard let outcome else {
            preconditionFailure("a write was answered before it was attempted")
        }
        continuation.resume(with: outcome)
    }

    func fail(_ error: any Error) {
        continuation.resume(throwing: error)
    }
}
