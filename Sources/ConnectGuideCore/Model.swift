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

/// Some of the five choices, as a user states them (flags, a URL). `Guide.complete(_:)`
/// turns it into a valid `Selection`.
public struct PartialSelection: Hashable, Sendable {
    public private(set) var chosen: [PropertyID: OptionID] = [:]
    /// The order in which properties were set, first to last; later settings are "more recent".
    public private(set) var order: [PropertyID] = []

    public init() {}

    public init(_ selection: Selection) {
        for property in PropertyID.allCases { self[property] = selection[property] }
    }

    public subscript(property: PropertyID) -> OptionID? {
        get { chosen[property] }
        set {
            order.removeAll { $0 == property }
            chosen[property] = newValue
            if newValue != nil { order.append(property) }
        }
    }

    public var isEmpty: Bool { chosen.isEmpty }

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
    public func properties(derivedFrom requirementInputs: Set<PropertyID>) -> Set<PropertyID> {
        var result: Set<PropertyID> = []
        for clause in clauses {
            switch clause.facet {
            case .property(let property): result.insert(property)
            case .requirementCollection: result.formUnion(requirementInputs)
            }
        }
        return result
    }
}
