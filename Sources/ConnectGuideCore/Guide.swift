/// A docs page the guide links to, from Assets/links.json.
public struct DocLink: Hashable, Sendable {
    public let path: String
    public let title: String
    public let url: String
}

/// Text that is shown only when its condition holds for the selection.
public struct ConditionalText: Hashable, Sendable {
    public let condition: Condition
    public let text: String
}

public struct Section: Hashable, Sendable {
    public let heading: String
    public let intro: String
    public let notes: [ConditionalText]
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
}

public struct Property: Hashable, Sendable, Identifiable {
    public let id: PropertyID
    public let label: String
    public let shortLabel: String
    public let urlKey: String
    public let cliFlag: String
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
}

public typealias RuleID = String

/// How binding a rule is (guide.md section 3).
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
    public let properties: Set<PropertyID>
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
}

/// A combination's resemblance to an account type from before controller properties.
public struct LegacyType: Hashable, Sendable {
    public let name: String
    public let condition: Condition
    /// How accounts created with these settings differ from the legacy type; nil when
    /// they do not.
    public let difference: String?
}

public struct StepVariant: Hashable, Sendable, Identifiable {
    public let id: String
    public let condition: Condition
    public let title: String
    public let text: String
    public let links: [StepLink]
}

public struct StepLink: Hashable, Sendable {
    public let label: String
    public let url: String
}

/// A place in the ordered list of steps; the first variant whose condition holds fills it.
public struct StepSlot: Hashable, Sendable {
    public let number: Int
    public let id: String
    public let heading: String
    public let variants: [StepVariant]
}

public struct ParameterRule: Hashable, Sendable {
    public let condition: Condition
    public let parameters: [(name: String, value: ParameterValue)]
    public let because: String

    public static func == (lhs: ParameterRule, rhs: ParameterRule) -> Bool {
        lhs.condition == rhs.condition && lhs.because == rhs.because
            && lhs.parameters.map(\.name) == rhs.parameters.map(\.name)
            && lhs.parameters.map(\.value) == rhs.parameters.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(condition)
        hasher.combine(because)
        for parameter in parameters {
            hasher.combine(parameter.name)
            hasher.combine(parameter.value)
        }
    }
}

public enum AccountsAPI: String, CaseIterable, Hashable, Sendable {
    case v1
    case v2
}

public struct APIConfigurationRules: Hashable, Sendable {
    public let method: String
    public let endpoint: String
    /// The first Stripe API version that has this API; nil when every version does.
    public let minimumVersion: StripeAPIVersion?
    public let rules: [ParameterRule]
}

/// The whole guide: properties, rules, advisories, steps and API mapping, validated, for
/// one Stripe API version (`at(_:)` gives the guide for another).
/// Built once from the content files; every other operation is a pure function of it.
public struct Guide: Sendable {
    public let contentVersion: String
    public let title: String
    public let pageURL: String
    /// The page covers Accounts v1; Stripe recommends v2 for new platforms; the choices map onto both.
    public let scopeStatement: String
    /// What a new user needs before starting, and that choosing changes nothing in their account.
    public let prerequisites: String
    public let urlParameterOrder: [PropertyID]
    public let properties: [Property]
    public let payouts: Section
    /// Every rule the content knows, of every kind and for every API version.
    public let allRules: [Rule]
    /// The releases that changed the rules, oldest first; the last is the newest version known.
    public let apiVersionChanges: [APIVersionChange]
    /// The Stripe API version whose rules are in force.
    public fileprivate(set) var apiVersion: StripeAPIVersion
    /// The hard rules (`api` and `docs`) in force: a valid selection breaks none.
    public fileprivate(set) var rules: [Rule]
    /// The recommendations in force: shown as cautions, never enforced.
    public fileprivate(set) var recommendations: [Rule]
    public let advisories: [Advisory]
    public let requirementCollectionCondition: Condition
    /// "Stripe", "Your platform": how outputs name who collects requirements.
    public let requirementCollectionLabels: [RequirementCollection: String]
    public let requirementCollectionExplanation: [RequirementCollection: String]
    public let slots: [StepSlot]
    public let configuration: [AccountsAPI: APIConfigurationRules]
    public let legacyTypes: [LegacyType]
    public let links: [DocLink]

    /// Every selection that breaks no rule in force, in page order of options (first
    /// property slowest).
    public fileprivate(set) var validSelections: [Selection]

    /// The newest Stripe API version the content knows: the default.
    public var newestAPIVersion: StripeAPIVersion { apiVersionChanges.last?.version ?? apiVersion }

    /// The same guide with the rules that hold for another Stripe API version. A bare
    /// date that names a known release takes that release's name.
    public func at(_ version: StripeAPIVersion) -> Guide {
        var result = self
        result.apiVersion = apiVersionChanges.first { $0.version.date == version.date && version.name == nil }?.version ?? version
        result.rules = allRules.filter { $0.kind.isHard && $0.versions.contains(version) }
        result.recommendations = allRules.filter { !$0.kind.isHard && $0.versions.contains(version) }
        result.validSelections = result.allSelections.filter { result.violations(of: $0).isEmpty }
        return result
    }

    public func property(_ id: PropertyID) -> Property { properties[id.index] }

    public var defaults: Selection { Selection { property($0).defaultOption } }

    public func link(path: String) -> DocLink? { links.first { $0.path == path } }
}

// MARK: - Loading

/// A content file that cannot be used: names the file, the place in it and the problem.
public struct ContentError: Error, Hashable, Sendable, CustomStringConvertible {
    public let file: String
    public let place: String
    public let problem: String

    public var description: String {
        "Assets/\(file): at \(place.isEmpty ? "top level" : place): \(problem)"
    }
}

/// The raw bytes of the five content files, by file name.
public struct ContentFiles: Sendable {
    public static let names = ["guide.json", "rules.json", "steps.json", "config.json", "links.json"]
    public var files: [String: [UInt8]]

    public init(files: [String: [UInt8]]) { self.files = files }

    /// The content compiled into the binary.
    public static var bundled: ContentFiles {
        ContentFiles(files: [
            "guide.json": PackageResources.guide_json,
            "rules.json": PackageResources.rules_json,
            "steps.json": PackageResources.steps_json,
            "config.json": PackageResources.config_json,
            "links.json": PackageResources.links_json,
        ])
    }
}

extension Guide {
    /// The guide compiled into the binary. The bundled content is checked by the tests,
    /// so a failure here means a build from edited, untested content.
    public static func bundled() throws(ContentError) -> Guide {
        try Guide(files: .bundled)
    }

    public init(files: ContentFiles) throws(ContentError) {
        let guideFile = try GuideFile(node("guide.json", in: files))
        let rulesFile = try RulesFile(node("rules.json", in: files))
        let stepsFile = try StepsFile(node("steps.json", in: files))
        let configFile = try ConfigFile(node("config.json", in: files))
        let linksFile = try LinksFile(node("links.json", in: files))
        var builder = GuideBuilder()
        self = try builder.build(
            guide: guideFile, rules: rulesFile, steps: stepsFile, config: configFile, links: linksFile)
    }
}

/// The parsed top level of a content file.
private func node(_ name: String, in files: ContentFiles) throws(ContentError) -> ContentNode {
    guard let bytes = files.files[name] else {
        throw ContentError(file: name, place: "", problem: "the file is missing")
    }
    do {
        return ContentNode(value: try JSONValue.parse(bytes), file: name, place: "")
    } catch {
        throw ContentError(file: name, place: "", problem: "not valid JSON (\(error))")
    }
}

/// Turns decoded files into a `Guide`, checking every cross-reference on the way.
private struct GuideBuilder {
    var properties: [Property] = []
    /// Option ids by property, known before the properties are built, since a section's
    /// notes may test properties that come later in page order.
    var optionIDs: [PropertyID: [String]] = [:]
    var requirementInputs: Set<PropertyID> = []
    var linksByPath: [String: DocLink] = [:]

    mutating func build(
        guide: GuideFile, rules rulesFile: RulesFile, steps: StepsFile, config: ConfigFile, links: LinksFile
    ) throws(ContentError) -> Guide {
        for (index, link) in links.links.enumerated() {
            guard link.path.hasPrefix("/"), !link.path.contains(" ") else {
                throw ContentError(file: "links.json", place: "links[\(index)].path", problem: "a path must start with / and contain no spaces")
            }
            guard linksByPath[link.path] == nil else {
                throw ContentError(file: "links.json", place: "links[\(index)].path", problem: "\"\(link.path)\" is listed twice")
            }
            linksByPath[link.path] = DocLink(path: link.path, title: link.title, url: links.base + link.path)
        }

        for (index, spec) in guide.properties.enumerated() where index < PropertyID.allCases.count {
            optionIDs[PropertyID.allCases[index]] = spec.options.map(\.id)
        }
        properties = try buildProperties(guide.properties)

        let requirementCondition = try condition(
            rulesFile.requirementCollection.applicationWhen, file: "rules.json",
            place: "requirementCollection.applicationWhen", allowDerived: false)
        requirementInputs = requirementCondition.properties(derivedFrom: [])
        var explanation: [RequirementCollection: String] = [:]
        var requirementLabels: [RequirementCollection: String] = [:]
        for value in RequirementCollection.allCases {
            guard let label = rulesFile.requirementCollection.labels[value.rawValue] else {
                throw ContentError(file: "rules.json", place: "requirementCollection.labels", problem: "no label for \"\(value.rawValue)\"")
            }
            requirementLabels[value] = label
            guard let text = rulesFile.requirementCollection.explanation[value.rawValue] else {
                throw ContentError(file: "rules.json", place: "requirementCollection.explanation", problem: "no text for \"\(value.rawValue)\"")
            }
            explanation[value] = text
        }

        var rules: [Rule] = []
        for (index, spec) in rulesFile.rules.enumerated() {
            let place = "rules[\(index)]"
            guard !rules.contains(where: { $0.id == spec.id }) else {
                throw ContentError(file: "rules.json", place: "\(place).id", problem: "the id \"\(spec.id)\" is used twice")
            }
            guard let kind = RuleKind(rawValue: spec.kind) else {
                throw ContentError(
                    file: "rules.json", place: "\(place).kind",
                    problem: "unknown kind \"\(spec.kind)\"; expected one of \(RuleKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let premise = try condition(spec.if, file: "rules.json", place: "\(place).if")
            let requirement = try condition(spec.then, file: "rules.json", place: "\(place).then")
            guard !spec.sources.isEmpty else {
                throw ContentError(file: "rules.json", place: "\(place).sources", problem: "a rule needs at least one Stripe docs source")
            }
            let sources = try spec.sources.enumerated().map { (index, path) throws(ContentError) in
                try link(path, file: "rules.json", place: "\(place).sources[\(index)]")
            }
            rules.append(Rule(
                id: spec.id, kind: kind, versions: try versionRange(spec.versions, place: "\(place).versions"),
                summary: spec.summary, premise: premise, requirement: requirement, reason: spec.reason, sources: sources,
                properties: premise.properties(derivedFrom: requirementInputs)
                    .union(requirement.properties(derivedFrom: requirementInputs))))
        }

        var versionChanges: [APIVersionChange] = []
        for (index, spec) in rulesFile.apiVersions.enumerated() {
            let place = "apiVersions[\(index)]"
            guard let version = StripeAPIVersion(spec.version), version.name != nil else {
                throw ContentError(file: "rules.json", place: "\(place).version", problem: "\"\(spec.version)\" is not a release such as 2026-11-18.endive")
            }
            if let previous = versionChanges.last, version <= previous.version {
                throw ContentError(file: "rules.json", place: "\(place).version", problem: "versions must be listed oldest first")
            }
            versionChanges.append(APIVersionChange(
                version: version, change: spec.change,
                sources: try spec.sources.enumerated().map { (linkIndex, path) throws(ContentError) in
                    try link(path, file: "rules.json", place: "\(place).sources[\(linkIndex)]")
                }))
        }
        guard let newest = versionChanges.last?.version else {
            throw ContentError(file: "rules.json", place: "apiVersions", problem: "list at least the newest Stripe API version the rules follow")
        }

        var advisories: [Advisory] = []
        for (index, spec) in rulesFile.advisories.enumerated() {
            let place = "advisories[\(index)]"
            advisories.append(Advisory(
                id: spec.id, isCallout: spec.callout, condition: try condition(spec.when, file: "rules.json", place: "\(place).when"),
                title: spec.title, text: spec.text,
                links: try spec.links.enumerated().map { (linkIndex, path) throws(ContentError) in
                    try link(path, file: "rules.json", place: "\(place).links[\(linkIndex)]")
                }))
        }

        let slots = try buildSlots(steps)
        var configuration: [AccountsAPI: APIConfigurationRules] = [:]
        for api in AccountsAPI.allCases {
            let spec = api == .v1 ? config.v1 : config.v2
            var parameterRules: [ParameterRule] = []
            for (index, rule) in spec.parameters.enumerated() {
                let place = "\(api.rawValue).parameters[\(index)]"
                guard !rule.set.isEmpty else {
                    throw ContentError(file: "config.json", place: "\(place).set", problem: "no parameters to set")
                }
                parameterRules.append(ParameterRule(
                    condition: try condition(rule.when, file: "config.json", place: "\(place).when"),
                    parameters: rule.set,
                    because: rule.because))
            }
            var minimumVersion: StripeAPIVersion?
            if let node = spec.minimumVersion {
                minimumVersion = try version(node)
            }
            configuration[api] = APIConfigurationRules(
                method: spec.method, endpoint: spec.endpoint, minimumVersion: minimumVersion, rules: parameterRules)
        }
        var legacyTypes: [LegacyType] = []
        for (index, spec) in config.legacyTypes.enumerated() {
            legacyTypes.append(LegacyType(
                name: spec.name, condition: try condition(spec.when, file: "config.json", place: "legacyTypes[\(index)].when"),
                difference: spec.except))
        }

        let payouts = try section(guide.payouts, place: "payouts")
        let urlOrder = guide.urlParameterOrder.compactMap(PropertyID.init(rawValue:))
        guard Set(urlOrder) == Set(PropertyID.allCases), urlOrder.count == PropertyID.allCases.count else {
            throw ContentError(file: "guide.json", place: "urlParameterOrder", problem: "must name each of the five properties once")
        }
        let linkList = links.links.compactMap { linksByPath[$0.path] }
        var result = Guide(
            contentVersion: guide.contentVersion, title: guide.title, pageURL: guide.pageURL,
            scopeStatement: guide.scope, prerequisites: guide.prerequisites, urlParameterOrder: urlOrder,
            properties: properties, payouts: payouts, allRules: rules, apiVersionChanges: versionChanges,
            apiVersion: newest, rules: [], recommendations: [], advisories: advisories,
            requirementCollectionCondition: requirementCondition,
            requirementCollectionLabels: requirementLabels, requirementCollectionExplanation: explanation, slots: slots, configuration: configuration,
            legacyTypes: legacyTypes, links: linkList, validSelections: [])
        // The rules in force and the table of valid combinations need everything else.
        result = result.at(newest)
        guard result.validSelections.contains(result.defaults) else {
            let broken = result.violations(of: result.defaults).map(\.id).joined(separator: ", ")
            throw ContentError(file: "guide.json", place: "properties[*].default", problem: "the default selection breaks \(broken)")
        }
        return result
    }

    func buildProperties(_ specs: [PropertySpec]) throws(ContentError) -> [Property] {
        let expected = PropertyID.allCases.map(\.rawValue)
        guard specs.map(\.id) == expected else {
            throw ContentError(
                file: "guide.json", place: "properties",
                problem: "expected the properties \(expected.joined(separator: ", ")) in that order, found \(specs.map(\.id).joined(separator: ", "))")
        }
        var result: [Property] = []
        for (index, spec) in specs.enumerated() {
            let place = "properties[\(index)]"
            guard !spec.options.isEmpty else {
                throw ContentError(file: "guide.json", place: "\(place).options", problem: "a property needs at least one option")
            }
            var seenNames: [String: String] = [:]
            var options: [PropertyOption] = []
            for (optionIndex, option) in spec.options.enumerated() {
                let optionPlace = "\(place).options[\(optionIndex)]"
                let names = [option.id, option.cliValue, option.urlValue] + option.aliases
                for name in Set(names.map { $0.lowercased() }) {
                    if let owner = seenNames[name] {
                        throw ContentError(file: "guide.json", place: optionPlace, problem: "the name \"\(name)\" is already used by option \"\(owner)\"")
                    }
                    seenNames[name] = option.id
                }
                guard !option.label.isEmpty, !option.shortLabel.isEmpty else {
                    throw ContentError(file: "guide.json", place: optionPlace, problem: "the label and short label must not be empty")
                }
                options.append(PropertyOption(
                    id: OptionID(option.id), label: option.label, shortLabel: option.shortLabel,
                    urlValue: option.urlValue, cliValue: option.cliValue, aliases: option.aliases,
                    summary: option.summary, intro: option.intro, recommendation: option.recommendation,
                    bestFor: option.bestFor, notes: option.notes))
            }
            guard options.contains(where: { $0.id.rawValue == spec.default }) else {
                throw ContentError(file: "guide.json", place: "\(place).default", problem: "\"\(spec.default)\" is not one of this property's options")
            }
            result.append(Property(
                id: PropertyID.allCases[index], label: spec.label, shortLabel: spec.shortLabel, urlKey: spec.urlKey,
                cliFlag: spec.cliFlag, defaultOption: OptionID(spec.default),
                section: try section(spec.section, place: "\(place).section"), options: options))
        }
        return result
    }

    func buildSlots(_ file: StepsFile) throws(ContentError) -> [StepSlot] {
        var slots: [StepSlot] = []
        for (index, spec) in file.slots.enumerated() {
            let place = "slots[\(index)]"
            if let previous = slots.last, spec.slot <= previous.number {
                throw ContentError(file: "steps.json", place: "\(place).slot", problem: "slots must be in increasing order (\(spec.slot) follows \(previous.number))")
            }
            var variants: [StepVariant] = []
            for (variantIndex, variant) in spec.variants.enumerated() {
                let variantPlace = "\(place).variants[\(variantIndex)]"
                guard (1...2).contains(variant.links.count) else {
                    throw ContentError(file: "steps.json", place: "\(variantPlace).links", problem: "a step needs one or two links, found \(variant.links.count)")
                }
                var links: [StepLink] = []
                for (linkIndex, spec) in variant.links.enumerated() {
                    let docLink = try link(spec.path, file: "steps.json", place: "\(variantPlace).links[\(linkIndex)].path")
                    links.append(StepLink(label: spec.label, url: docLink.url))
                }
                variants.append(StepVariant(
                    id: variant.id,
                    condition: try condition(variant.when, file: "steps.json", place: "\(variantPlace).when"),
                    title: variant.title, text: variant.text, links: links))
            }
            slots.append(StepSlot(number: spec.slot, id: spec.id, heading: spec.heading, variants: variants))
        }
        return slots
    }

    func section(_ spec: SectionSpec, place: String) throws(ContentError) -> Section {
        var notes: [ConditionalText] = []
        for (index, note) in spec.notes.enumerated() {
            let notePlace = "\(place).notes[\(index)].when"
            notes.append(ConditionalText(
                condition: try condition(note.when, file: "guide.json", place: notePlace), text: note.text))
        }
        return Section(heading: spec.heading, intro: spec.intro, notes: notes)
    }

    func version(_ node: ContentNode) throws(ContentError) -> StripeAPIVersion {
        let text = try node.string()
        guard let version = StripeAPIVersion(text) else {
            throw node.fail("\"\(text)\" is not a Stripe API version (YYYY-MM-DD or YYYY-MM-DD.name)")
        }
        return version
    }

    func versionRange(_ spec: VersionBoundsSpec?, place: String) throws(ContentError) -> VersionRange {
        guard let spec else { return .all }
        let range = VersionRange(
            from: try spec.from.map { (node) throws(ContentError) in try version(node) },
            before: try spec.before.map { (node) throws(ContentError) in try version(node) },
            previewsFrom: try spec.previewsFrom.map { (node) throws(ContentError) in try version(node) })
        guard !range.isAll else {
            throw ContentError(file: "rules.json", place: place, problem: "give from or before, or write \"all\"")
        }
        return range
    }

    func link(_ path: String, file: String, place: String) throws(ContentError) -> DocLink {
        guard let link = linksByPath[path] else {
            throw ContentError(file: file, place: place, problem: "\"\(path)\" is not in links.json; add it there (with evidence) first")
        }
        return link
    }

    func condition(_ spec: ConditionSpec, file: String, place: String, allowDerived: Bool = true) throws(ContentError) -> Condition {
        var clauses: [Facet: Set<String>] = [:]
        for (key, values) in spec.sorted(by: { $0.key < $1.key }) {
            guard let facet = Facet(id: key), allowDerived || facet != .requirementCollection else {
                let known = PropertyID.allCases.map(\.rawValue) + (allowDerived ? ["requirementCollection"] : [])
                throw ContentError(file: file, place: place, problem: "unknown facet \"\(key)\"; expected one of \(known.joined(separator: ", "))")
            }
            guard !values.isEmpty else {
                throw ContentError(file: file, place: "\(place).\(key)", problem: "an empty list can never match")
            }
            let known: [String]
            switch facet {
            case .property(let property): known = optionIDs[property] ?? []
            case .requirementCollection: known = RequirementCollection.allCases.map(\.rawValue)
            }
            for value in values where !known.contains(value) {
                throw ContentError(file: file, place: "\(place).\(key)", problem: "unknown value \"\(value)\"; expected one of \(known.joined(separator: ", "))")
            }
            clauses[facet] = Set(values)
        }
        return Condition(clauses)
    }
}
