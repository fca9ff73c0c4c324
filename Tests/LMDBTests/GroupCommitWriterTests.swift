import LMDB
import Synchronization
import Testing

private struct Refused: Error, Equatable {
    let n: Int
}

@Suite("Group-commit writer")
struct GroupCommitWriterTests {
    @Test("thousands of concurrent writes from many tasks are all answered and all present; each commit reports its times")
    func concurrentWrites() async throws {
        let temp = try TemporaryEnvironment()
        defer { temp.remove() }
        let reports = BatchReports()
        try await temp.withWriter(.init(onBatchCommitted: reports.record)) { writer in
            let db = try await writer.database("many")
            try await withThrowingTaskGroup(of: Void.self) { group in
                for task in 0..<50 {
                    group.addTask {
                        for n in 0..<100 {
                            let id = task * 100 + n
                            try await writer.perform { txn in try txn.put(key(id), forKey: key(id), in: db) }
                        }
                    }
                }
                try await group.waitForAll()
            }
            try temp.environment.read { txn throws in
                #expect(try txn.count(of: db) == 5000)
            }
        }
        let batches = reports.all
        #expect(batches.map(\.size).max() ?? 0 > 1, "concurrent writers should share commits")
        #expect(batches.map(\.size).reduce(0, +) >= 5000)
        for batch in batches {
            // The commit call lies inside the batch's time, and its wait off the CPU inside the call.
            #expect(batch.commitWaitDuration >= .zero && batch.commitWaitDuration <= batch.commitCallDuration)
            #expect(batch.commitCallDuration > .zero && batch.commitCallDuration <= batch.duration)
        }
    }

    @Test("a failing write fails alone; its batch-mates commit", arguments: [false, true])
    func failureIsolation(failsAfterWriting: Bool) async throws {
        let temp = try TemporaryEnvironment()
        defer { temp.remove() }
        try await temp.withWriter { writer in
            let db = try await writer.database("isolation")
            let outcomes = await withTaskGroup(of: (Int, Bool).self) { group in
                for n in 0..<200 {
                    group.addTask {
                        do {
                            try await writer.perform { txn in
                                if n % 10 == 3 && !failsAfterWriting { throw Refused(n: n) }
                                try txn.put([1], forKey: key(n), in: db)
                                if n % 10 == 3 { throw Refused(n: n) }
                            }
                            return (n, true)
                        } catch {
                            #expect(error as? Refused == Refused(n: n))
                            return (n, false)
                        }
                    }
                }
                return await group.reduce(into: [Int: Bool]()) { $0[$1.0] = $1.1 }
            }
            try temp.environment.read { txn throws in
                for n in 0..<200 {
                    #expect(outcomes[n] == (n % 10 != 3))
                    #expect(try txn.contains(key(n), in: db) == (n % 10 != 3))
                }
            }
        }
    }

    @Test("a full queue refuses at once with overloaded, and every admitted write commits")
    func backPressure() async throws {
        let temp = try TemporaryEnvironment()
        defer { temp.remove() }
        try await temp.withWriter(.init(maxBatchSize: 8, queueCapacity: 16)) { writer in
            let db = try await writer.database("pressure")
            let results = await withTaskGroup(of: (Int, Result<Void, any Error>).self) { group in
                for n in 0..<2000 {
                    group.addTask {
                        do {
                            try await writer.perform { txn in try txn.put(key(n), forKey: key(n), in: db) }
                            return (n, .success(()))
                        } catch {
                            return (n, .failure(error))
                        }
                    }
                }
                return await group.reduce(into: [(Int, Result<Void, any Error>)]()) { $0.append($1) }
            }
            let refused = results.filter { if case .failure = $0.1 { true } else { false } }
            #expect(!refused.isEmpty, "2000 writes into a 16-slot queue must meet back-pressure")
            for (_, result) in refused {
                #expect(throws: GroupCommitWriter.Failure.overloaded) { try result.get() }
            }
            try temp.environment.read { txn throws in
                #expect(try txn.count(of: db) == results.count - refused.count)
                for (n, result) in results {
                    if case .success = result { #expect(try txn.contains(key(n), in: db)) }
                }
            }
        }
    }

    @Test("after close, writes are refused and queued ones were committed")
    func closeDrains() async throws {
        let temp = try TemporaryEnvironment()
        defer { temp.remove() }
        let writer = GroupCommitWriter(environment: temp.environment)
        let db = try await writer.database("drain")
        let pending = (0..<100).map { n in
            Task { try await writer.perform { txn in try txn.put([1], forKey: key(n), in: db) } }
        }
        for task in pending { try await task.value }
        await writer.close()
        await #expect(throws: GroupCommitWriter.Failure.closed) {
            try await writer.perform { txn in try txn.put([1], forKey: "late", in: db) }
        }
        try temp.environment.read { txn throws in #expect(try txn.count(of: db) == 100) }
    }
}

/// Records the largest batch the writer committed.
private final class BatchReports: Sendable {
    private let reports = Mutex<[GroupCommitWriter.BatchReport]>([])
    @Sendable func record(_ report: GroupCommitWriter.BatchReport) { reports.withLock { $0.append(report) } }
    var all: [GroupCommitWriter.BatchReport] { reports.withLock { $0 } }
}
