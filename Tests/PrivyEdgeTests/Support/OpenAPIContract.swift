import Foundation

/// The operations of `openapi.yaml`, read well enough to check a request against them: its
/// method and path name an operation, every query parameter is one the operation declares, with
/// a value its schema allows (an enum member, an integer within bounds), and a body goes only
/// where the operation takes one and is a JSON object. Reads the file's own layout (two-space
/// indentation, parameters by `$ref` to `components/parameters`), not YAML at large.
struct OpenAPIContract: Sendable {
    /// A query parameter's rule.
    struct Parameter: Sendable {
        var name = ""
        var location = ""
        var schema = ""
        var minimum: Int?
        var maximum: Int?
    }

    /// One operation.
    struct Operation: Sendable {
        let method: String
        let segments: [String]
        var parameters: [String] = []
        var takesBody = false
    }

    private var operations: [Operation] = []
    private var parameters: [String: Parameter] = [:]
    private var enums: [String: [String]] = [:]

    /// The repository's `openapi.yaml`.
    static func repository() throws -> OpenAPIContract {
        try OpenAPIContract(path: URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("openapi.yaml").path)
    }

    init(path: String) throws {
        var section = ""
        var subsection = ""
        var route = ""
        var component = ""
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true).map(String.init) {
            let indent = line.prefix { $0 == " " }.count
            let text = line.trimmingCharacters(in: .whitespaces)
            switch (indent, section) {
            case (0, _):
                section = String(text.dropLast())
            case (2, "paths"):
                route = String(text.dropLast())
            case (4, "paths") where ["get:", "post:", "patch:", "put:", "delete:"].contains(text):
                operations.append(Operation(method: text.dropLast().uppercased(), segments: route.split(separator: "/").map(String.init)))
            case (6, "paths") where text == "requestBody:" && !operations.isEmpty:
                operations[operations.count - 1].takesBody = true
            case (8, "paths") where text.hasPrefix("- $ref: '#/components/parameters/") && !operations.isEmpty:
                operations[operations.count - 1].parameters.append(String(text.split(separator: "/").last!.dropLast()))
            case (2, "components"):
                subsection = String(text.dropLast())
            case (4, "components"):
                component = String(text.dropLast())
                if subsection == "parameters" { parameters[component] = Parameter() }
            case (_, "components") where subsection == "parameters":
                Self.read(text, into: &parameters[component, default: Parameter()])
            case (6, "components") where subsection == "schemas" && text.hasPrefix("enum: ["):
                enums[component] = text.dropFirst("enum: [".count).dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            default:
                break
            }
        }
    }

    private static func read(_ text: String, into parameter: inout Parameter) {
        let value = { (key: String) -> String? in text.hasPrefix(key) ? String(text.dropFirst(key.count)) : nil }
        if let name = value("name: ") { parameter.name = name }
        if let location = value("in: ") { parameter.location = location }
        if let schema = value("$ref: '#/components/schemas/") { parameter.schema = String(schema.dropLast()) }
        if let minimum = value("minimum: ").flatMap({ Int($0) }) { parameter.minimum = minimum }
        if let maximum = value("maximum: ").flatMap({ Int($0) }) { parameter.maximum = maximum }
    }

    /// What is wrong with a request, if anything: one message per broken rule.
    func problems(method: String, path: String, query: String, body: [UInt8]) -> [String] {
        let segments = path.split(separator: "/").map(String.init)
        guard let operation = operations.first(where: { operation in
            operation.method == method && operation.segments.count == segments.count
                && zip(operation.segments, segments).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
        }) else { return ["\(method) \(path): no such operation in openapi.yaml"] }
        var problems: [String] = []
        let declared = operation.parameters.compactMap { parameters[$0] }.filter { $0.location == "query" }
        for pair in query.split(separator: "&") {
            let name = String(pair.prefix { $0 != "=" })
            let value = String(pair.drop { $0 != "=" }.dropFirst()).removingPercentEncoding ?? ""
            guard let parameter = declared.first(where: { $0.name == name }) else {
                problems.append("\(method) \(path): query parameter \(name) is not declared")
                continue
            }
            if let allowed = enums[parameter.schema], !allowed.contains(value) {
                problems.append("\(method) \(path): \(name)=\(value) is not one of \(allowed)")
            }
            if parameter.minimum != nil || parameter.maximum != nil {
                guard let number = Int(value), number >= parameter.minimum ?? .min, number <= parameter.maximum ?? .max else {
                    problems.append("\(method) \(path): \(name)=\(value) is out of range")
                    continue
                }
            }
        }
        if !body.isEmpty {
            if !operation.takesBody {
                problems.append("\(method) \(path): a body where the operation takes none")
            } else if !((try? JSONSerialization.jsonObject(with: Data(body))) is [String: Any]) {
                problems.append("\(method) \(path): the body is not a JSON object")
            }
        }
        return problems
    }
}
