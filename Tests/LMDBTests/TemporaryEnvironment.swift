import Glibc
import LMDB

/// A fresh environment in its own temporary directory, removed when the test ends.
struct TemporaryEnvironment {
    let directory: String
    let environment: Environment

    init(configuration: Environment.Configuration = .init()) throws {
        var template = Array("/tmp/lmdb-test-XXXXXX".utf8CString)
        guard let path = mkdtemp(&template) else { throw LMDBError(code: errno) }
        directory = String(cString: path)
        environment = try Environment(path: directory, configuration: configuration)
    }

    /// Runs `body` with a writer over this environment and closes the writer afterwards.
    func withWriter<R>(
        _ configuration: GroupCommitWriter.Configuration = .init(),
        _ body: (GroupCommitWriter) async throws -> R
    ) async throws -> R {
        let writer = GroupCommitWriter(environment: environment, configuration: configuration)
        do {
            let result = try await body(writer)
            await writer.close()
            return result
        } catch {
            await writer.close()
            throw error
        }
    }

    func remove() {
        for file in ["data.mdb", "lock.mdb"] {
            unlink(directory + "/" + file)
        }
        rmdir(directory)
    }
}

extension GroupCommitWriter {
    /// Opens (creating) `name` through the writer.
    func database(_ name: String) async throws -> Database {
        try await perform { try $0.openDatabase(named: name)! }
    }
}

/// A big-endian key for `n`, so keys sort numerically.
func key(_ n: Int) -> [UInt8] {
    withUnsafeBytes(of: UInt64(n).bigEndian, Array.init)
}
