/// One of the choices the guide asks for (onboarding, dashboard, ...): data, like option
/// ids. The content declares the properties and their page order; the content compiler
/// generates a named constant for each (`PropertyID.onboarding`, in ConnectGuideContent),
/// and the core iterates `Guide.propertyIDs`, never a fixed list.
public struct PropertyID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The position in page order (0 for the first property).
    public let index: Int
    /// The content's id (`onboarding`).
    public let rawValue: String

    public init(index: Int, rawValue: String) {
        precondition((0..<PropertySet.capacity).contains(index), "a guide has at most \(PropertySet.capacity) properties")
        self.index = index
        self.rawValue = rawValue
    }

    /// By index alone: within one guide the index decides the id.
    public func hash(into hasher: inout Hasher) { hasher.combine(index) }
    public static func < (lhs: PropertyID, rhs: PropertyID) -> Bool { lhs.index < rhs.index }
    public var description: String { rawValue }
}

/// The id of an option of a property (`hosted`, `none`, `connectedAccounts`, ...).
/// Option ids are data: the set of valid ids comes from the content, not from code.
public struct OptionID: RawRepresentable, Hashable, Comparable, Sendable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }
    public static func < (lhs: OptionID, rhs: OptionID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Who collects and keeps current the verification information of connected accounts.
/// Not chosen directly: it follows from the dashboard and liability choices.
public enum RequirementCollection: String, Hashable, Sendable, CaseIterable {
    case stripe
    case application
}

/// A complete choice: one option for each of the guide's properties.
/// A `Selection` may break rules; `Guide.violations(of:)` says which.
public struct Selection: Hashable, Sendable, CustomStringConvertible {
    /// The guide's properties in page order (`Guide.propertyIDs`, shared, not copied).
    public let properties: [PropertyID]
    private var options: [OptionID]

    public init(properties: [PropertyID], _ choose: (PropertyID) -> OptionID) {
        self.properties = properties
        options = properties.map(choose)
    }

    /// One option per property, in page order.
    public init(properties: [PropertyID], options: [OptionID]) {
        precondition(options.count == properties.count, "a selection has one option for each property")
        self.properties = properties
        self.options = options
    }

    public subscript(property: PropertyID) -> OptionID {
        get { options[property.index] }
        set { options[property.index] = newValue }
    }

    public func setting(_ property: PropertyID, to option: OptionID) -> Selection {
        var copy = self
        copy[property] = option
        return copy
    }

    /// The properties whose options differ between the two selections, in page order.
    public func differences(from other: Selection) -> [PropertyID] {
        properties.filter { self[$0] != other[$0] }
    }

    /// How many properties differ, without listing them.
    public func differenceCount(from other: Selection) -> Int {
        var count = 0
        for index in options.indices where options[index] != other.options[index] { count += 1 }
        return count
    }

    /// Selections of one guide: the options decide.
    public static func == (lhs: Selection, rhs: Selection) -> Bool { lhs.options == rhs.options }
    public func hash(into hasher: inout Hasher) { hasher.combine(options) }

    public var description: String {
        properties.map { "\($0)=\(self[$0])" }.joined(separator: " ")
    }
}

/// Some of the guide's properties: a bit per property for the questions rules, moves and
/// the screen ask all the time (a `Set` would hash for each, and the first `Set` of
/// properties costs a search of the program's conformance records), and the members in
/// page order for iterating them.
public struct PropertySet: Hashable, Sendable, ExpressibleByArrayLiteral, Sequence {
    /// How many properties a guide may have: one bit each.
    public static let capacity = 64

    private var bits: UInt64 = 0
    private var members: [PropertyID] = []

    public init() {}

    public init<S: Sequence>(_ properties: S) where S.Element == PropertyID {
        for property in properties { insert(property) }
    }

    /// The same for an array, without the generic version's runtime lookups, which other
    /// modules would call unspecialized.
    public init(_ properties: [PropertyID]) {
        for property in properties { insert(property) }
    }

    public init(arrayLiteral properties: PropertyID...) { self.init(properties) }

    public func contains(_ property: PropertyID) -> Bool { bits & Self.bit(property) != 0 }

    public mutating func insert(_ property: PropertyID) {
        guard !contains(property) else { return }
        bits |= Self.bit(property)
        members.insert(property, at: members.firstIndex { $0.index > property.index } ?? members.endIndex)
    }

    public func union(_ other: PropertySet) -> PropertySet {
        var result = self
        result.formUnion(other)
        return result
    }

    public mutating func formUnion(_ other: PropertySet) {
        for property in other.members { insert(property) }
    }

    public func subtracting(_ other: PropertySet) -> PropertySet {
        var result = PropertySet()
        for property in members where !other.contains(property) { result.insert(property) }
        return result
    }

    public func isDisjoint(with other: PropertySet) -> Bool { bits & other.bits == 0 }

    public var isEmpty: Bool { bits == 0 }

    public var count: Int { members.count }

    /// The properties in page order.
    public func makeIterator() -> IndexingIterator<[PropertyID]> { members.makeIterator() }

    /// Sets of one guide: the bits decide.
    public static func == (lhs: PropertySet, rhs: PropertySet) -> Bool { lhs.bits == rhs.bits }
    public func hash(into hasher: inout Hasher) { hasher.combine(bits) }

    private static func bit(_ property: PropertyID) -> UInt64 { 1 << UInt64(property.index) }
}

/// Some of the guide's choices, as a user states them (flags, a URL).
/// `Guide.complete(_:)` turns it into a valid `Selection`.
public struct PartialSelection: Hashable, Sendable {
    private struct Choice: Hashable, Sendable {
        let property: PropertyID
        let option: OptionID
    }

    /// The choices in the order they were set, first to last; later settings are "more recent".
    private var choices: [Choice] = []

    public init() {}

    public init(_ selection: Selection) {
        for property in selection.properties { self[property] = selection[property] }
    }

    /// The order in which properties were set, first to last.
    public var order: [PropertyID] { choices.map(\.property) }

    public subscript(property: PropertyID) -> OptionID? {
        get { choices.first { $0.property == property }?.option }
        set {
            choices.removeAll { $0.property == property }
            if let newValue { choices.append(Choice(property: property, option: newValue)) }
        }
    }

    /// The properties set, and their options, in page order.
    public var chosen: [(property: PropertyID, option: OptionID)] {
        choices.sorted { $0.property < $1.property }.map { ($0.property, $0.option) }
    }

    /// The properties set.
    public var chosenProperties: PropertySet { PropertySet(choices.map(\.property)) }

    public var isEmpty: Bool { choices.isEmpty }

    /// Later values win, as with repeated flags.
    public func merging(_ other: PartialSelection) -> PartialSelection {
        var merged = self
        for choice in other.choices { merged[choice.property] = choice.option }
        return merged
    }
}

/// Something a condition can test: a property, or the derived requirement collection.
public enum Facet: Hashable, Sendable, CustomStringConvertible {
    case property(PropertyID)
    case requirementCollection

    /// The facet a content file names: one of `properties`, or the requirement collection.
    public init?(id: String, properties: [PropertyID]) {
        if id == "requirementCollection" {
            self = .requirementCollection
        } else if let property = properties.first(where: { $0.rawValue == id }) {
            self = .property(property)
        } else {
            return nil
        }
    }

    /// The position in the order clauses are kept in: properties in page order, then the
    /// requirement collection.
    var order: Int {
        switch self {
        case .property(let property): property.index
        case .requirementCollection: PropertySet.capacity
        }
    }

    public var description: String {
        switch self {
        case .property(let property): property.rawValue
        case .requirementCollection: "requirementCollection"
        }
    }
}

/// A conjunction: each facet must take one of its allowed values.
public struct Condition: Hashable, Sendable {
    /// One facet and the values it may take: option ids, or for the requirement collection
    /// `stripe` and `application`.
    public struct Clause: Hashable, Sendable {
        public let facet: Facet
        public let allowed: [OptionID]

        public init(_ facet: Facet, _ allowed: [OptionID]) {
            self.facet = facet
            self.allowed = allowed
        }
    }

    /// In facet order, each facet at most once. A list, not a dictionary: conditions are
    /// evaluated for every candidate selection on every frame, and a few string compares
    /// cost far less than hashing.
    public let clauses: [Clause]

    /// Clauses in any order; kept sorted, so equal conditions compare equal.
    public init(clauses: [Clause]) {
        self.clauses = clauses.sorted { $0.facet.order < $1.facet.order }.map { Clause($0.facet, $0.allowed.sorted()) }
    }

    public init(_ clauses: [Facet: Set<OptionID>]) {
        self.init(clauses: clauses.map { Clause($0.key, Array($0.value)) })
    }

    public static let always = Condition([:])

    /// The values a facet may take, or nil when the condition does not test it.
    public func allowed(_ facet: Facet) -> [OptionID]? { clauses.first { $0.facet == facet }?.allowed }

    public func allowed(_ property: PropertyID) -> [OptionID]? { allowed(.property(property)) }

    /// The properties this condition reads; `derivedFrom` names those the requirement
    /// collection is computed from.
    public func properties(derivedFrom requirementInputs: PropertySet) -> PropertySet {
        var result: PropertySet = []
        for clause in clauses {
            switch clause.facet {
            case .property(let property): result.insert(property)
            case .requirementCollection: result.formUnion(requirementInputs)
            }
        }
        return result
    }
}
