/// One of the five choices the guide asks for, in the docs page's order.
public enum PropertyID: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    case onboarding
    case dashboard
    case chargeType
    case fees
    case liability

    /// The position in page order (0 to 4); a switch, as it sits in every selection lookup.
    public var index: Int {
        switch self {
        case .onboarding: 0
        case .dashboard: 1
        case .chargeType: 2
        case .fees: 3
        case .liability: 4
        }
    }
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

/// A complete choice: one option for each of the five properties.
/// A `Selection` may break rules; `Guide.violations(of:)` says which.
public struct Selection: Hashable, Sendable, CustomStringConvertible {
    private var options: [OptionID]

    public init(_ choose: (PropertyID) -> OptionID) {
        options = PropertyID.allCases.map(choose)
    }

    /// One option per property, in page order.
    public init(options: [OptionID]) {
        precondition(options.count == PropertyID.allCases.count, "a selection has one option for each of the five properties")
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
        PropertyID.allCases.filter { self[$0] != other[$0] }
    }

    /// How many properties differ, without listing them.
    public func differenceCount(from other: Selection) -> Int {
        var count = 0
        for index in options.indices where options[index] != other.options[index] { count += 1 }
        return count
    }

    public var description: String {
        PropertyID.allCases.map { "\($0)=\(self[$0])" }.joined(separator: " ")
    }
}

/// Some of the five properties, as five bits. Rules, moves and the screen ask which
/// properties are in such a set all the time; a `Set` would hash for each question, and
/// the first `Set` of properties costs a search of the program's conformance records.
public struct PropertySet: Hashable, Sendable, ExpressibleByArrayLiteral, Sequence {
    private var bits: UInt8 = 0

    public init() {}

    public init<S: Sequence>(_ properties: S) where S.Element == PropertyID {
        for property in properties { insert(property) }
    }

    public init(arrayLiteral properties: PropertyID...) { self.init(properties) }

    public func contains(_ property: PropertyID) -> Bool { bits & Self.bit(property) != 0 }

    public mutating func insert(_ property: PropertyID) { bits |= Self.bit(property) }


    public func union(_ other: PropertySet) -> PropertySet {
        var result = self
        result.formUnion(other)
        return result
    }

    public mutating func formUnion(_ other: PropertySet) { bits |= other.bits }

    public func subtracting(_ other: PropertySet) -> PropertySet {
        var result = self
        result.bits &= ~other.bits
        return result
    }

    public func isDisjoint(with other: PropertySet) -> Bool { bits & other.bits == 0 }

    public var isEmpty: Bool { bits == 0 }

    public var count: Int { bits.nonzeroBitCount }

    /// The properties in page order.
    public func makeIterator() -> IndexingIterator<[PropertyID]> { PropertyID.allCases.filter(contains).makeIterator() }

    private static func bit(_ property: PropertyID) -> UInt8 { 1 << UInt8(property.index) }
}

/// Some of the five choices, as a user states them (flags, a URL). `Guide.complete(_:)`
/// turns it into a valid `Selection`.
public struct PartialSelection: Hashable, Sendable {
    /// One slot per property, in page order (a list: see `PropertySet`).
    private var options: [OptionID?] = Array(repeating: nil, count: PropertyID.allCases.count)
    /// The order in which properties were set, first to last; later settings are "more recent".
    public private(set) var order: [PropertyID] = []

    public init() {}

    public init(_ selection: Selection) {
        for property in PropertyID.allCases { self[property] = selection[property] }
    }

    public subscript(property: PropertyID) -> OptionID? {
        get { options[property.index] }
        set {
            order.removeAll { $0 == property }
            options[property.index] = newValue
            if newValue != nil { order.append(property) }
        }
    }

    /// The properties set, and their options, in page order.
    public var chosen: [(property: PropertyID, option: OptionID)] {
        PropertyID.allCases.compactMap { property in options[property.index].map { (property, $0) } }
    }

    /// The properties set.
    public var chosenProperties: PropertySet { PropertySet(PropertyID.allCases.filter { options[$0.index] != nil }) }

    public var isEmpty: Bool { order.isEmpty }

    /// Later values win, as with repeated flags.
    public func merging(_ other: PartialSelection) -> PartialSelection {
        var merged = self
        for property in other.order { merged[property] = other[property] }
        return merged
    }
}

/// Something a condition can test: a property, or the derived requirement collection.
public enum Facet: Hashable, Sendable, CustomStringConvertible {
    case property(PropertyID)
    case requirementCollection

    /// Every facet, properties in page order first: the order clauses are kept in.
    public static let allCases: [Facet] = PropertyID.allCases.map(Facet.property) + [.requirementCollection]

    public init?(id: String) {
        if id == "requirementCollection" {
            self = .requirementCollection
        } else if let property = PropertyID(rawValue: id) {
            self = .property(property)
        } else {
            return nil
        }
    }

    /// The position in `allCases`.
    var order: Int {
        switch self {
        case .property(let property): property.index
        case .requirementCollection: PropertyID.allCases.count
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
