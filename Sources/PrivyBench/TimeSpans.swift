import NIOCore

extension Duration {
    /// The span in seconds.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}

extension TimeAmount {
    /// The span in seconds.
    var seconds: Double {
        Double(nanoseconds) / 1e9
    }
}
