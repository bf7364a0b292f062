// The pieces of the guide's content: links, options, properties, rules, advisories, steps,
// the API mapping and presets. `Guide` (Guide.swift) holds them together.

/// A docs page the guide links to, from Assets/links.json.
public struct DocLink: Hashable, Sendable {
    public let path: String
    public let title: String
    public let url: String

    public init(path: String, title: String, url: String) {
        self.path = path
        self.title = title
        self.url = url
    }
}

/// Text that is shown only when its condition holds for the selection.
public struct ConditionalText: Hashable, Sendable {
    public let condition: Condition
    public let text: String

    public init(condition: Condition, text: String) {
        self.condition = condition
        self.text = text
    }
}

public struct Section: Hashable, Sendable {
    public let heading: String
    public let intro: String
    public let notes: [ConditionalText]

    public init(heading: String, intro: String, notes: [ConditionalText]) {
        self.heading = heading
        self.intro = intro
        self.notes = notes
    }
}

public struct PropertyOption: Hashable, Sendable, Identifiable {
    public let id: OptionID
    public let label: String
    public let shortLabel: String
    public let urlValue: String
    public let cliValue: String
    public let aliases: [String]
    public let summary: String
    public let intro: String
    public let recommendation: String?
    public let bestFor: [String]
    public let notes: [String]

    public init(id: OptionID, label: String, shortLabel: String, urlValue: String, cliValue: String, aliases: [String], summary: String, intro: String, recommendation: String?, bestFor: [String], notes: [String]) {
        self.id = id
        self.label = label
        self.shortLabel = shortLabel
        self.urlValue = urlValue
        self.cliValue = cliValue
        self.aliases = aliases
        self.summary = summary
        self.intro = intro
        self.recommendation = recommendation
        self.bestFor = bestFor
        self.notes = notes
    }
}

public struct Property: Hashable, Sendable, Identifiable {
    public let id: PropertyID
    public let label: String
    public let shortLabel: String
    public let urlKey: String
    public let cliFlag: String
    /// What the flag sets, for --help ("How accounts onboard.").
    public let cliHelp: String
    public let defaultOption: OptionID
    public let section: Section
    public let options: [PropertyOption]

    public func option(_ id: OptionID) -> PropertyOption? { options.first { $0.id == id } }

    /// The option a command-line value names: its CLI value, an alias, its URL value or its id.
    public func option(named value: String) -> PropertyOption? {
        let wanted = value.lowercased()
        return options.first { option in
            option.cliValue == wanted || option.urlValue.lowercased() == wanted
                || option.id.rawValue.lowercased() == wanted || option.aliases.contains(wanted)
        }
    }

    public func index(of option: OptionID) -> Int? { options.firstIndex { $0.id == option } }

    public init(id: PropertyID, label: String, shortLabel: String, urlKey: String, cliFlag: String, cliHelp: String, defaultOption: OptionID, section: Section, options: [PropertyOption]) {
        self.id = id
        self.label = label
        self.shortLabel = shortLabel
        self.urlKey = urlKey
        self.cliFlag = cliFlag
        self.cliHelp = cliHelp
        self.defaultOption = defaultOption
        self.section = section
        self.options = options
    }
}

/// A rule's id ("R1", "N2"); ids are never reused for another rule.
public struct RuleID: RawRepresentable, Hashable, Comparable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// How binding a rule is: enforced by Stripe's API, required by its docs, or only advised.
public enum RuleKind: String, CaseIterable, Hashable, Sendable {
    /// Stripe's API refuses to create an account that breaks it.
    case api
    /// The account can be created, but Stripe's docs require this for the integration to work.
    case docs
    /// Stripe advises against breaking it; the guide warns and never blocks or moves.
    case recommended

    /// Hard rules decide which combinations exist.
    public var isHard: Bool { self != .recommended }
}

/// When `premise` holds, `requirement` must hold too (or, for a recommendation, should).
public struct Rule: Hashable, Sendable, Identifiable {
    public let id: RuleID
    public let kind: RuleKind
    /// The Stripe API versions the rule holds for.
    public let versions: VersionRange
    public let summary: String
    public let premise: Condition
    public let requirement: Condition
    public let reason: String
    /// The Stripe docs pages the rule comes from.
    public let sources: [DocLink]
    /// Every property the rule reads, on either side.
    public let properties: PropertySet

    public init(id: RuleID, kind: RuleKind, versions: VersionRange, summary: String, premise: Condition, requirement: Condition, reason: String, sources: [DocLink], properties: PropertySet) {
        self.id = id
        self.kind = kind
        self.versions = versions
        self.summary = summary
        self.premise = premise
        self.requirement = requirement
        self.reason = reason
        self.sources = sources
        self.properties = properties
    }
}

/// A soft warning shown with the steps when its condition holds.
public struct Advisory: Hashable, Sendable, Identifiable {
    public let id: String
    /// One of the docs page's callouts: every output shows it ahead of the steps.
    public let isCallout: Bool
    public let condition: Condition
    public let title: String
    public let text: String
    public let links: [DocLink]

    public init(id: String, isCallout: Bool, condition: Condition, title: String, text: String, links: [DocLink]) {
        self.id = id
        self.isCallout = isCallout
        self.condition = condition
        self.title = title
        self.text = text
        self.links = links
    }
}

/// A combination's resemblance to an account type from before controller properties.
public struct LegacyType: Hashable, Sendable {
    public let name: String
    public let condition: Condition
    /// How accounts created with these settings differ from the legacy type; nil when
    /// they do not.
    public let difference: String?

    public init(name: String, condition: Condition, difference: String?) {
        self.name = name
        self.condition = condition
        self.difference = difference
    }
}

public struct StepVariant: Hashable, Sendable, Identifiable {
    public let id: String
    public let condition: Condition
    public let title: String
    public let text: String
    public let links: [StepLink]

    public init(id: String, condition: Condition, title: String, text: String, links: [StepLink]) {
        self.id = id
        self.condition = condition
        self.title = title
        self.text = text
        self.links = links
    }
}

public struct StepLink: Hashable, Sendable {
    public let label: String
    public let url: String

    public init(label: String, url: String) {
        self.label = label
        self.url = url
    }
}

/// A place in the ordered list of steps; the first variant whose condition holds fills it.
public struct StepSlot: Hashable, Sendable {
    public let number: Int
    public let id: String
    public let heading: String
    public let variants: [StepVariant]

    public init(number: Int, id: String, heading: String, variants: [StepVariant]) {
        self.number = number
        self.id = id
        self.heading = heading
        self.variants = variants
    }
}

public struct ParameterRule: Hashable, Sendable {
    public let condition: Condition
    public let parameters: [(name: String, value: ParameterValue)]
    public let because: String
    /// Sent only when destination charges are made `on_behalf_of` the account: the request's
    /// variant for those charges, shown beside the plain request.
    public let onBehalfOf: Bool

    public static func == (lhs: ParameterRule, rhs: ParameterRule) -> Bool {
        lhs.condition == rhs.condition && lhs.because == rhs.because && lhs.onBehalfOf == rhs.onBehalfOf
            && lhs.parameters.map(\.name) == rhs.parameters.map(\.name)
            && lhs.parameters.map(\.value) == rhs.parameters.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(condition)
        hasher.combine(because)
        hasher.combine(onBehalfOf)
        for parameter in parameters {
            hasher.combine(parameter.name)
            hasher.combine(parameter.value)
        }
    }

    public init(condition: Condition, parameters: [(name: String, value: ParameterValue)], because: String, onBehalfOf: Bool = false) {
        self.condition = condition
        self.parameters = parameters
        self.because = because
        self.onBehalfOf = onBehalfOf
    }
}

public enum AccountsAPI: String, CaseIterable, Hashable, Sendable {
    case v1
    case v2
}

/// How each Accounts API is configured for a selection. Two fields, not a dictionary
/// keyed by the API: a dictionary costs a runtime conformance lookup at every start.
public struct ConfigurationPerAPI: Hashable, Sendable {
    public let v1: APIConfigurationRules
    public let v2: APIConfigurationRules
    /// What the `on_behalf_of` variant of the requests is for, with its sources.
    public let onBehalfOf: ConfigurationVariantNote

    public init(v1: APIConfigurationRules, v2: APIConfigurationRules, onBehalfOf: ConfigurationVariantNote) {
        self.v1 = v1
        self.v2 = v2
        self.onBehalfOf = onBehalfOf
    }

    public subscript(api: AccountsAPI) -> APIConfigurationRules {
        switch api {
        case .v1: v1
        case .v2: v2
        }
    }
}

/// Why a variant of the account requests exists, from Assets/config.json.
public struct ConfigurationVariantNote: Hashable, Sendable {
    public let text: String
    public let sources: [DocLink]

    public init(text: String, sources: [DocLink]) {
        self.text = text
        self.sources = sources
    }
}

/// A text for each way requirements are collected, as `ConfigurationPerAPI` is for APIs.
public struct TextPerCollection: Hashable, Sendable {
    public let stripe: String
    public let application: String

    public init(stripe: String, application: String) {
        self.stripe = stripe
        self.application = application
    }

    public subscript(collection: RequirementCollection) -> String {
        switch collection {
        case .stripe: stripe
        case .application: application
        }
    }
}

public struct APIConfigurationRules: Hashable, Sendable {
    public let method: String
    public let endpoint: String
    /// The first Stripe API version that has this API; nil when every version does.
    public let minimumVersion: StripeAPIVersion?
    public let rules: [ParameterRule]

    public init(method: String, endpoint: String, minimumVersion: StripeAPIVersion?, rules: [ParameterRule]) {
        self.method = method
        self.endpoint = endpoint
        self.minimumVersion = minimumVersion
        self.rules = rules
    }
}

/// A starting selection for a common kind of platform ("SaaS platform, Stripe Dashboard"),
/// from Assets/presets.json: valid, and against no recommendation, under the newest rules.
/// Only some are setups Stripe recommends as they are (`stripeRecommends`).
public struct Preset: Hashable, Sendable, Identifiable {
    public let id: String
    public let label: String
    /// Who it fits, in one line.
    public let fits: String
    public let selection: Selection
    /// True only when the setup matches a row of Stripe's table of recommended settings
    /// or a charge-type page's own example (its first source says which).
    public let stripeRecommends: Bool
    public let sources: [DocLink]

    public init(id: String, label: String, fits: String, selection: Selection, stripeRecommends: Bool, sources: [DocLink]) {
        self.id = id
        self.label = label
        self.fits = fits
        self.selection = selection
        self.stripeRecommends = stripeRecommends
        self.sources = sources
    }
}
