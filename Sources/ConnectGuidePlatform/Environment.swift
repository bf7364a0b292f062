/// Environment variables as a value: the process's own (`processEnvironment()`), or any
/// other a caller or test passes. A list searched by name, not a dictionary: the guide
/// reads a handful of variables once, and the first `[String: String]` costs a search of
/// the program's conformance records at start-up. A name set twice keeps its
/// first value, as getenv(3) finds it.
public struct Environment: Sendable, ExpressibleByDictionaryLiteral {
    private var variables: [(name: String, value: String)]

    public init(_ variables: [(name: String, value: String)]) {
        self.variables = variables
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        variables = elements.map { (name: $0.0, value: $0.1) }
    }

    public subscript(name: String) -> String? {
        variables.first { $0.name == name }?.value
    }
}
