import ArgumentParser

/// `privy-edge tls`: TLS identities for the API listener.
struct TLSCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tls",
        abstract: "Make TLS identities for the API listener (tls_cert, tls_key).",
        subcommands: [SelfSignedCommand.self]
    )
}
