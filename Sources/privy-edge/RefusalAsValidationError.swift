import ArgumentParser
import PrivyEdgeApp

/// Runs `body`, reporting a data directory the library refuses (a store that does not open, a
/// data directory another server serves) as ArgumentParser reports a bad argument: the
/// message, the usage, exit status 64.
func refusalAsValidationError<Value>(_ body: () async throws -> Value) async throws -> Value {
    do {
        return try await body()
    } catch let refused as DataDirectoryRefused {
        throw ValidationError(refused.description)
    }
}
