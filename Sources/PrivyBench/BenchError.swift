/// Why a bench could not run, in one line for the operator.
public struct BenchError: Error, Sendable, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
