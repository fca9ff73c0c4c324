public import ArgumentParser
public import Logging
public import PrivyAPI
public import PrivyEdgeApp
public import PrivyStore
public import PrivySync

// Every type a setting holds reads a flag as it reads an environment variable's text.

extension AdminPort: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(settingText: argument)
    }
}

extension Duration: @retroactive ExpressibleByArgument {
    /// Reads `250ms`, `2s`, `5m` or `1h`.
    public init?(argument: String) {
        self.init(settingText: argument)
    }
}

extension Durability: ExpressibleByArgument {}

extension Logger.Level: @retroactive ExpressibleByArgument {}

extension LogFormat: ExpressibleByArgument {}

extension PullInterval: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(settingText: argument)
    }
}

extension RateLimit: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(parsing: argument)
    }
}

extension UpstreamEndpoint: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}
