import Glibc
import TOMLKit

/// The TOML config file: a flat list of `key = value` lines, one per setting, checked whole when
/// it is read (TOML syntax, known keys, value types), so a bad file stops every command at once.
/// An empty string counts as unset.
struct ConfigFile: Sendable {
    /// A key's value and the line that sets it.
    struct Entry: Sendable {
        let value: ConfigFileValue
        /// The 1-based line, if it could be found.
        let line: Int?
    }

    /// The file's path, as given.
    let path: String
    private let entries: [String: Entry]

    /// The entry for `key`, if the file sets it.
    func entry(_ key: String) -> Entry? {
        entries[key]
    }

    /// Reads and checks a config file.
    /// - Parameters:
    ///   - path: the file.
    ///   - settings: the keys the file may set.
    /// - Throws: ``ConfigurationError`` naming the file, each bad key and its line.
    init(path: String, settings: [any SettingDefinition]) throws {
        let text = try Self.read(path)
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigurationError("config file \(path), line \(error.source.begin.line), column \(error.source.begin.column): \(error.description)")
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var entries: [String: Entry] = [:]
        var problems: [(line: Int?, text: String)] = []
        var hasUnknownKey = false
        for (key, value) in table {
            let entry = Entry(value: ConfigFileValue(value), line: Self.line(of: key, in: lines))
            guard let setting = settings.first(where: { $0.name == key }) else {
                problems.append((entry.line, "unknown key \"\(key)\""))
                hasUnknownKey = true
                continue
            }
            // An empty string counts as unset, as an empty environment variable does.
            if case .string(let text) = entry.value, text.isEmpty { continue }
            if let problem = setting.problem(with: entry.value) { problems.append((entry.line, problem)) }
            entries[key] = entry
        }
        guard problems.isEmpty else {
            let report = problems.sorted { ($0.line ?? .max) < ($1.line ?? .max) }.map { problem in
                (problem.line.map { "  line \($0): " } ?? "  ") + problem.text
            }
            throw ConfigurationError(
                "config file \(path) is invalid:\n" + report.joined(separator: "\n")
                    + (hasUnknownKey ? "\nThe keys are: " + settings.map(\.name).joined(separator: ", ") + "." : "")
            )
        }
        self.path = path
        self.entries = entries
    }

    /// The file's text. - Throws: ``ConfigurationError`` if it cannot be read.
    private static func read(_ path: String) throws -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ConfigurationError("config file \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw ConfigurationError("config file \(path): \(String(cString: strerror(errno)))")
            }
            bytes += chunk[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The line that sets `key`: `key = …`, `"key" = …`, `key.part = …` or a `[key]` table header.
    /// - Returns: the 1-based line, or `nil` if no line looks like one of those.
    private static func line(of key: String, in lines: [Substring]) -> Int? {
        let forms = [key, "\"\(key)\"", "'\(key)'"]
        for (index, line) in lines.enumerated() {
            var rest = line.drop(while: \.isWhitespace)
            while rest.first == "[" { rest = rest.dropFirst().drop(while: \.isWhitespace) }
            for form in forms where rest.hasPrefix(form) {
                if let next = rest.dropFirst(form.count).drop(while: \.isWhitespace).first, "=.]".contains(next) { return index + 1 }
            }
        }
        return nil
    }
}
