// The shape of the files in Assets/. These types mirror the JSON one to one;
// `Guide` (Guide.swift) is the validated, indexed form the rest of the core uses.

/// A condition over a selection: every listed facet must hold one of the listed
/// values. Facets are the five property ids plus the derived `requirementCollection`.
/// The empty condition always holds.
public typealias ConditionSpec = [String: [String]]

struct GuideFile: Codable, Sendable {
    var contentVersion: String
    var title: String
    var pageURL: String
    /// The order of query parameters in the page's own URLs, so ours match them exactly.
    var urlParameterOrder: [String]
    var properties: [PropertySpec]
    var payouts: SectionSpec
}

struct PropertySpec: Codable, Sendable {
    var id: String
    var label: String
    var shortLabel: String
    var urlKey: String
    var cliFlag: String
    var `default`: String
    var section: SectionSpec
    var options: [OptionSpec]
}

struct SectionSpec: Codable, Sendable {
    var heading: String
    var intro: String
    /// Paragraphs shown after the options; each may depend on the selection.
    var notes: [ConditionalTextSpec]?
}

struct ConditionalTextSpec: Codable, Sendable {
    var when: ConditionSpec?
    var text: String
}

struct OptionSpec: Codable, Sendable {
    var id: String
    var label: String
    var shortLabel: String
    var urlValue: String
    var cliValue: String
    var aliases: [String]?
    var summary: String
    var intro: String
    var recommendation: String?
    var bestFor: [String]
    var notes: [String]?
}

struct RulesFile: Codable, Sendable {
    var requirementCollection: RequirementCollectionSpec
    var rules: [RuleSpec]
    var advisories: [AdvisorySpec]
}

struct RequirementCollectionSpec: Codable, Sendable {
    /// When this holds, the platform collects requirements (`application`); otherwise Stripe does.
    var applicationWhen: ConditionSpec
    var explanation: [String: String]
}

struct RuleSpec: Codable, Sendable {
    var id: String
    var summary: String
    var `if`: ConditionSpec
    var then: ConditionSpec
    var reason: String
}

struct AdvisorySpec: Codable, Sendable {
    var id: String
    var when: ConditionSpec
    var title: String
    var text: String
    var links: [String]?
}

struct StepsFile: Codable, Sendable {
    var slots: [SlotSpec]
}

struct SlotSpec: Codable, Sendable {
    var slot: Int
    var id: String
    var heading: String
    var variants: [StepVariantSpec]
}

struct StepVariantSpec: Codable, Sendable {
    var id: String
    var when: ConditionSpec
    var title: String
    var text: String
    var links: [StepLinkSpec]
}

struct StepLinkSpec: Codable, Sendable {
    var label: String
    var path: String
}

struct ConfigFile: Codable, Sendable {
    var v1: APIConfigSpec
    var v2: APIConfigSpec
    var legacyTypes: [LegacyTypeSpec]
}

struct APIConfigSpec: Codable, Sendable {
    var method: String
    var endpoint: String
    var parameters: [ParameterRuleSpec]
}

struct ParameterRuleSpec: Codable, Sendable {
    var when: ConditionSpec
    /// Parameter name to value. v1 names use form encoding (`controller[fees][payer]`),
    /// v2 names are dotted JSON paths (`defaults.responsibilities.fees_collector`).
    var set: [String: ParameterValue]
    var because: String
}

struct LegacyTypeSpec: Codable, Sendable {
    var name: String
    var when: ConditionSpec
}

struct LinksFile: Codable, Sendable {
    var base: String
    var links: [LinkSpec]
}

struct LinkSpec: Codable, Sendable {
    var path: String
    var title: String
}

/// A parameter value as the API takes it: a string, or a boolean for v2's JSON body.
public enum ParameterValue: Codable, Hashable, Sendable, CustomStringConvertible {
    case string(String)
    case bool(Bool)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let text): try container.encode(text)
        case .bool(let flag): try container.encode(flag)
        }
    }

    public var description: String {
        switch self {
        case .string(let text): text
        case .bool(let flag): flag ? "true" : "false"
        }
    }
}
