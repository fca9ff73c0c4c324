import LMDB
import Testing

@Suite("LMDB wrapper")
struct EnvironmentTests {
    @Test("put, get, overwrite, insert-if-absent and delete")
    func putGetDelete() async throws {
        let temp = try TemporaryEnvironment()
        defer { temp.remove() }
        try await temp.withWriter { writer in
            let db = try await writer.database("things")
            let inserted = try await writer.perform { txn in
                try txn.put(Array("one".utf8), forKey: "a", in: db)
                try txn.put(Array("two".utf8), forKey: "b", in: db)
                try txn.put(Array("uno".utf8), forKey: "a", in: db)
                return try txn.insert(Array("nope".utf8), forKey: "b", in: db)
            }
            #expect(inserted == false)
            try temp.environment.read { txn throws in
                #expect(try txn.value(forKey: "a", in: db) == Array("uno".utf8))
                #expect(try txn.value(forKey: "b", in: db) == Array("two".utf8))
                #expect(try txn.value(forKey: "c", in: db) == nil)
                #expect(try txn.count(of: db) == 2)
            }
            let deleted = try await writer.perform { txn in
                (try txn.delete("a", in: db), try txn.delete("zzz", in: db))
            }
            #expect(deleted == (true, false))
            try temp.environment.read { txn throws in
                #expect(try txn.contains("a", in: db) == false)
                #expect(try txn.contains("b", in: db))
            }
        }
    }

    @Test("looking up a key LMDB cannot hold (empty, or over 511 bytes) finds nothing")
    func impossibleKeys() async throws {
        let temp = try TemporaryEnvironment()
        defer { temp.remove() }
        try await temp.withWriter { writer in
            let db = try await writer.database("things")
            try await writer.perform { txn in try txn.put(Array("one".utf8), forKey: "a", in: db) }
            try temp.environment.read { txn throws in
                #expect(try txn.value(forKey: "", in: db) == nil)
                #expect(try txn.contains(String(repeating: "k", count: 600), in: db) == false)
            }
        }
    }

    @Test("cursor walks ranges and prefixes in key order")
    func cursorRanges() async throws {
        let temp = try TemporaryEnvironment()
        defer { temp.remove() }
        try await temp.withWriter { writer in
            let db = try await writer.database("ordered")
            try await writer.perform { txn in
                for n in stride(from: 0, to: 100, by: 3) {
                    try txn.put(key(n), forKey: key(n), in: db)
                }
                try txn.put([1], forKey: Array("p:a".utf8), in: db)
                try txn.put([2], forKey: Array("p:b".utf8), in: db)
                try txn.put([3], forKey: Array("q:a".utf8), in: db)
            }
            let fromTen: [UInt64] = try temp.environment.read { txn throws in
                var seen: [UInt64] = []
                try txn.forEach(in: db, from: key(10)) { keyBytes, _ in
                    guard keyBytes.count == 8 else { return false }
                    seen.append(keyBytes.loadUnaligned(as: UInt64.self).bigEndian)
                    return seen.count < 4
                }
                return seen
            }
            #expect(fromTen == [12, 15, 18, 21])
            let prefixed: [UInt8] = try temp.environment.read { txn throws in
                var values: [UInt8] = []
                try txn.forEach(in: db, from: Array("p:".utf8), prefix: Array("p:".utf8)) { _, value in
                    values.append(value[0])
                    return true
                }
                return values
            }
            #expect(prefixed == [1, 2])
            let lastAndBack: (Int, Int) = try temp.environment.read { txn throws in
                try txn.withCursor(on: db) { cursor in
                    let last = try #require(try cursor.last())
                    let previous = try #require(try cursor.previous())
                    return (last.value.count, previous.value.count)
                }
            }
            #expect(lastAndBack == (1, 1))
        }
    }

    @Test("a tiny map grows under a large batch and every acknowledged write is there")
    func mapGrowth() async throws {
        let temp = try TemporaryEnvironment(configuration: .init(initialMapSize: 256 << 10, maxMapSize: 256 << 20))
        defer { temp.remove() }
        let value = [UInt8](repeating: 7, count: 2000)
        try await temp.withWriter { writer in
            let db = try await writer.database("big")
            let acknowledged = try await withThrowingTaskGroup(of: Int.self) { group in
                for n in 0..<3000 {
                    group.addTask {
                        try await writer.perform { txn in try txn.put(value, forKey: key(n), in: db) }
                        return n
                    }
                }
                return try await group.reduce(into: Set<Int>()) { $0.insert($1) }
            }
            #expect(acknowledged.count == 3000)
            try temp.environment.read { txn throws in
                for n in acknowledged {
                    #expect(try txn.value(forKey: key(n), in: db) == value)
                }
            }
            #expect(try temp.environment.info().mapSize > 256 << 10)
        }
    }

    @Test("a map at its maximum refuses the batch and keeps what was committed")
    func storageFull() async throws {
        let temp = try TemporaryEnvironment(configuration: .init(initialMapSize: 256 << 10, maxMapSize: 512 << 10))
        defer { temp.remove() }
        try await temp.withWriter { writer in
            let db = try await writer.database("capped")
            try await writer.perform { txn in try txn.put([1], forKey: "kept", in: db) }
            await #expect(throws: GroupCommitWriter.Failure.storageFull(maxMapSize: 512 << 10)) {
                try await writer.perform { txn in
                    for n in 0..<1000 {
                        try txn.put([UInt8](repeating: 1, count: 4000), forKey: key(n), in: db)
                    }
                }
            }
            try temp.environment.read { txn throws in
                #expect(try txn.value(forKey: "kept", in: db) == [1])
                #expect(try txn.count(of: db) == 1)
            }
        }
    }

    @Test("reader check finds no stale readers in a healthy environment")
    func readerCheck() throws {
        let temp = try TemporaryEnvironment()
        defer { temp.remove() }
        #expect(try temp.environment.clearStaleReaders() == 0)
        let info = try temp.environment.info()
        #expect(info.maxReaders >= 512)
    }

    @Test("LMDB errors carry LMDB's message")
    func errorMessages() {
        #expect(LMDBError.mapFull.message.contains("MDB_MAP_FULL"))
        #expect(LMDBError.notFound.description.contains("-30798"))
    }
}
