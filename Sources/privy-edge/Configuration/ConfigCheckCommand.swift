import ArgumentParser
import PrivyEdgeApp

/// `privy-edge config check`: resolves `serve`'s settings exactly as `serve` would and prints them.
struct ConfigCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Print the effective configuration of serve, each value with where it came from; secrets are masked.",
        discussion: "Takes serve's flags. Exits 1 with a message naming the bad file, key, line, flag or environment variable when the configuration is invalid."
    )

    @OptionGroup var options: ServeOptions

    func run() throws {
        print(try options.resolve().report.text)
    }
}
