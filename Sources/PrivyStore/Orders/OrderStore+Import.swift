import LMDB
public import PrivyDomain

/// A line of an import failed after writing: the chunk is retried without it.
private struct ImportStepLeftChanges: Error {
    let index: Int
    let failure: ValidationFailure
}

extension OrderStore {
    /// Applies many `POST /v1/orders/placed` upserts in ONE writer operation (one transaction,
    /// one commit): the bulk path of `privy-edge import orders`. Each draft goes through the
    /// same upsert as the endpoint (rules, linkage, stats, attribution, change log).
    ///
    /// A draft that breaks a rule fails alone: the others are applied and committed. Most
    /// failures happen before the upsert writes anything; one that left changes behind makes
    /// the writer abort the transaction, and the chunk is applied again without it.
    /// - Parameters:
    ///   - drafts: the orders, in file order, checked (``OrderRules/check(_:)``) where they were
    ///     read, so the writer only merges and writes.
    ///   - context: who is writing (source ``ConsentSource/import``).
    /// - Returns: one result per draft, in order.
    /// - Throws: only what fails the whole chunk (storage errors); nothing of it is written then.
    public func importOrders(_ drafts: [CheckedOrderDraft], context: WriteContext) async throws -> [Result<OrderWriteResult, ValidationFailure>] {
        let tables = tables
        var failedAfterWriting: [Int: ValidationFailure] = [:]
        while true {
            let skipped = failedAfterWriting
            do {
                return try await writer.perform { txn in
                    try Store.importOrders(drafts, skipping: skipped, context: context, in: txn, tables)
                }
            } catch let step as ImportStepLeftChanges {
                failedAfterWriting[step.index] = step.failure
            }
        }
    }
}

extension Store {
    fileprivate static func importOrders(
        _ drafts: [CheckedOrderDraft], skipping skipped: [Int: ValidationFailure], context: WriteContext, in txn: WriteTransaction, _ tables: Tables
    ) throws -> [Result<OrderWriteResult, ValidationFailure>] {
        var results: [Result<OrderWriteResult, ValidationFailure>] = []
        results.reserveCapacity(drafts.count)
        for (index, draft) in drafts.enumerated() {
            if let failure = skipped[index] {
                results.append(.failure(failure))
                continue
            }
            let changesBefore = txn.changeCount
            do {
                results.append(.success(try upsertOrder(draft, integrationToken: nil, context: context, in: txn, tables)))
            } catch let failure as ValidationFailure where !txn.isPoisoned {
                guard txn.changeCount == changesBefore else { throw ImportStepLeftChanges(index: index, failure: failure) }
                results.append(.failure(failure))
            }
        }
        return results
    }
}
