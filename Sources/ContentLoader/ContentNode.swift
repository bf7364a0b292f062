import ConnectGuideCore
import ConnectGuideJSON

// Reading JSON by hand with errors that name the file and the place, for the content
// compiler at build time.

/// A condition over a selection: every listed facet must hold one of the listed
/// values. Facets are the five property ids plus the derived `requirementCollection`.
/// The empty condition always holds.
public typealias ConditionSpec = [String: [String]]

/// A content file that cannot be used: names the file, the place in it and the problem.
public struct ContentError: Error, Hashable, Sendable, CustomStringConvertible {
    public let file: String
    public let place: String
    public let problem: String

    public init(file: String, place: String, problem: String) {
        self.file = file
        self.place = place
        self.problem = problem
    }

    public var description: String {
        "Assets/\(file): at \(place.isEmpty ? "top level" : place): \(problem)"
    }
}

/// A value in a content file with its place, for reading by hand with errors that say
/// where the problem is ("properties[1].options[0].label").
public struct ContentNode {
    public let value: JSONValue
    public let file: String
    public let place: String

    public init(value: JSONValue, file: String, place: String) {
        self.value = value
        self.file = file
        self.place = place
    }

    public func fail(_ problem: String) -> ContentError { ContentError(file: file, place: place, problem: problem) }

    private func child(_ value: JSONValue, _ step: String) -> ContentNode {
        ContentNode(value: value, file: file, place: place.isEmpty ? step : step.hasPrefix("[") ? place + step : place + "." + step)
    }

    public func members() throws(ContentError) -> [(String, ContentNode)] {
        guard case .object(let members) = value else { throw fail("expected an object") }
        return members.map { ($0.0, child($0.1, $0.0)) }
    }

    public func field(_ key: String) throws(ContentError) -> ContentNode {
        guard case .object(let members) = value else { throw fail("expected an object") }
        guard let found = members.first(where: { $0.0 == key }), !found.1.isNull else {
            throw fail("the field \"\(key)\" is missing")
        }
        return child(found.1, key)
    }

    /// Nil when the field is absent or null.
    public func optionalField(_ key: String) throws(ContentError) -> ContentNode? {
        guard case .object(let members) = value else { throw fail("expected an object") }
        guard let found = members.first(where: { $0.0 == key }), !found.1.isNull else { return nil }
        return child(found.1, key)
    }

    /// Rejects fields the format does not have, which are most often typos.
    public func allowFields(_ allowed: Set<String>) throws(ContentError) {
        guard case .object(let members) = value else { throw fail("expected an object") }
        if let unknown = members.first(where: { !allowed.contains($0.0) }) {
            throw fail("unknown field \"\(unknown.0)\"; expected \(allowed.sorted().joined(separator: ", "))")
        }
    }

    public func string() throws(ContentError) -> String {
        guard case .string(let text) = value else { throw fail("expected a string") }
        return text
    }

    public func bool() throws(ContentError) -> Bool {
        guard case .bool(let flag) = value else { throw fail("expected true or false") }
        return flag
    }

    public func int() throws(ContentError) -> Int {
        guard case .int(let number) = value else { throw fail("expected a number") }
        return number
    }

    public func array() throws(ContentError) -> [ContentNode] {
        guard case .array(let items) = value else { throw fail("expected a list") }
        return items.enumerated().map { child($1, "[\($0)]") }
    }

    public func strings() throws(ContentError) -> [String] {
        try array().map { (item) throws(ContentError) in try item.string() }
    }

    /// `{"facet": ["value", ...], ...}`
    public func condition() throws(ContentError) -> ConditionSpec {
        var condition: ConditionSpec = [:]
        for (facet, values) in try members() { condition[facet] = try values.strings() }
        return condition
    }
}

