import ConnectGuideCore
import ConnectGuideJSON

/// The raw bytes of the five content files, by file name.
public struct ContentFiles: Sendable {
    public static let names = ["guide.json", "rules.json", "steps.json", "config.json", "links.json", "presets.json", "quickstart.json"]
    public var files: [String: [UInt8]]
    /// A locale's translations of the files' prose (`Assets/locales/<code>/content.json`),
    /// by file and key; nil for English.
    public var translations: [String: [String: String]]?
    /// The locale the translations are in.
    public var locale: String

    public init(files: [String: [UInt8]], translations: [String: [String: String]]? = nil, locale: String = "en") {
        self.files = files
        self.translations = translations
        self.locale = locale
    }

}

extension Guide {
    /// Reads and checks the content files: every field, cross-reference and link. The
    /// content compiler runs it at build time, so a broken file fails the build.
    public init(files: ContentFiles) throws(ContentError) {
        let guideFile = try GuideFile(node("guide.json", in: files))
        let rulesFile = try RulesFile(node("rules.json", in: files))
        let stepsFile = try StepsFile(node("steps.json", in: files))
        let configFile = try ConfigFile(node("config.json", in: files))
        let linksFile = try LinksFile(node("links.json", in: files))
        let presetsFile = try PresetsFile(node("presets.json", in: files))
        let quickstartFile = try QuickstartFile(node("quickstart.json", in: files))
        // Docs links in the locale open Stripe's page in that language (DocsLocale.swift).
        var builder = GuideBuilder(docsLocale: stripeDocsLocale(files.locale))
        self = try builder.build(
            guide: guideFile, rules: rulesFile, steps: stepsFile, config: configFile, links: linksFile, presets: presetsFile,
            quickstart: quickstartFile, locale: files.locale)
    }
}

/// The parsed top level of a content file.
private func node(_ name: String, in files: ContentFiles) throws(ContentError) -> ContentNode {
    guard let bytes = files.files[name] else {
        throw ContentError(file: name, place: "", problem: "the file is missing")
    }
    let value: JSONValue
    do {
        value = try JSONValue.parse(bytes)
    } catch {
        throw ContentError(file: name, place: "", problem: "not valid JSON (\(error))")
    }
    guard let table = files.translations?[name] else { return ContentNode(value: value, file: name, place: "") }
    return ContentNode(value: ContentText.translated(value, file: name) { key, english in table[key] ?? english }, file: name, place: "")
}

/// Turns decoded files into a `Guide`, checking every cross-reference on the way.
struct GuideBuilder {
    /// Stripe's docs `locale` parameter for every address, nil for English.
    let docsLocale: String?
    var properties: [Property] = []
    /// The properties' ids, in page order, as guide.json declares them.
    var propertyIDs: [PropertyID] = []
    /// Option ids by property, known before the properties are built, since a section's
    /// notes may test properties that come later in page order.
    var optionIDs: [PropertyID: [String]] = [:]
    var requirementInputs: PropertySet = []
    var linksByPath: [String: DocLink] = [:]

    mutating func build(
        guide: GuideFile, rules rulesFile: RulesFile, steps: StepsFile, config: ConfigFile, links: LinksFile,
        presets presetsFile: PresetsFile, quickstart quickstartFile: QuickstartFile, locale: String
    ) throws(ContentError) -> Guide {
        for (index, link) in links.links.enumerated() {
            guard link.path.hasPrefix("/"), !link.path.contains(" ") else {
                throw ContentError(file: "links.json", place: "links[\(index)].path", problem: "a path must start with / and contain no spaces")
            }
            guard linksByPath[link.path] == nil else {
                throw ContentError(file: "links.json", place: "links[\(index)].path", problem: "\"\(link.path)\" is listed twice")
            }
            linksByPath[link.path] = DocLink(path: link.path, title: link.title, url: localizedDocsAddress(links.base + link.path, docsLocale: docsLocale))
        }

        propertyIDs = try declaredPropertyIDs(guide.properties)
        for (id, spec) in zip(propertyIDs, guide.properties) {
            optionIDs[id] = spec.options.map(\.id)
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
            guard !rules.contains(where: { $0.id.rawValue == spec.id }) else {
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
                id: RuleID(spec.id), kind: kind, versions: try versionRange(spec.versions, place: "\(place).versions"),
                summary: spec.summary, premise: premise, requirement: requirement, reason: spec.reason, sources: sources,
                properties: premise.properties(derivedFrom: requirementInputs)
                    .union(requirement.properties(derivedFrom: requirementInputs))))
        }

        var knownVersions: [StripeAPIVersion] = []
        for node in rulesFile.knownVersions {
            let known = try version(node)
            if let previous = knownVersions.last, known.date <= previous.date {
                throw node.fail("\"\(known)\" must come after \(previous): one version a date, oldest first")
            }
            // Every version from the first named release on carries its release's name.
            if known.name == nil, let named = knownVersions.last(where: { $0.name != nil }) {
                throw node.fail("\"\(known)\" has no release name, though \(named) before it has one")
            }
            if known.isPreview { throw node.fail("list releases only; previews are accepted by date") }
            knownVersions.append(known)
        }
        guard !knownVersions.isEmpty else {
            throw ContentError(file: "rules.json", place: "knownVersions", problem: "list the Stripe API versions, oldest first")
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
            guard knownVersions.contains(version) else {
                throw ContentError(file: "rules.json", place: "\(place).version", problem: "\"\(version)\" is not in knownVersions")
            }
            versionChanges.append(APIVersionChange(
                version: version, change: spec.change,
                sources: try spec.sources.enumerated().map { (linkIndex, path) throws(ContentError) in
                    try link(path, file: "rules.json", place: "\(place).sources[\(linkIndex)]")
                }))
        }
        guard !versionChanges.isEmpty else {
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
                let ruleCondition = try condition(rule.when, file: "config.json", place: "\(place).when")
                // The variant exists for destination charges only.
                let chargeType = propertyIDs.first { $0.rawValue == "chargeType" }
                if rule.onBehalfOf, chargeType.flatMap(ruleCondition.allowed) != [OptionID("destination")] {
                    throw ContentError(
                        file: "config.json", place: "\(place).when",
                        problem: "an onBehalfOf parameter applies to destination charges only: give \"chargeType\": [\"destination\"]")
                }
                parameterRules.append(ParameterRule(
                    condition: ruleCondition, parameters: rule.set, because: rule.because, onBehalfOf: rule.onBehalfOf))
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

        guard let v1Configuration = configuration[.v1], let v2Configuration = configuration[.v2] else {
            throw ContentError(file: "config.json", place: "", problem: "both v1 and v2 are needed")
        }
        let onBehalfOf = ConfigurationVariantNote(
            text: config.onBehalfOfText,
            sources: try config.onBehalfOfSources.enumerated().map { (index, path) throws(ContentError) in
                try link(path, file: "config.json", place: "onBehalfOf.sources[\(index)]")
            })
        let payouts = try section(guide.payouts, place: "payouts")
        let urlOrder = guide.urlParameterOrder.compactMap { name in propertyIDs.first { $0.rawValue == name } }
        guard Set(urlOrder) == Set(propertyIDs), urlOrder.count == propertyIDs.count, guide.urlParameterOrder.count == propertyIDs.count else {
            throw ContentError(file: "guide.json", place: "urlParameterOrder", problem: "must name each of the properties once")
        }
        guard let payoutsAfter = propertyIDs.first(where: { $0.rawValue == guide.payoutsAfter }) else {
            throw ContentError(file: "guide.json", place: "payoutsAfter", problem: "\"\(guide.payoutsAfter)\" is not a property")
        }
        let linkList = links.links.compactMap { linksByPath[$0.path] }
        var presets: [Preset] = []
        for (index, spec) in presetsFile.presets.enumerated() {
            let place = "presets[\(index)]"
            guard !presets.contains(where: { $0.id == spec.id }) else {
                throw ContentError(file: "presets.json", place: "\(place).id", problem: "the id \"\(spec.id)\" is used twice")
            }
            var options: [OptionID] = []
            // A property the preset does not name keeps its default: a property added to the
            // guide needs no edit here.
            for property in properties {
                let value = spec.selection[property.id.rawValue] ?? property.defaultOption.rawValue
                guard property.option(OptionID(value)) != nil else {
                    throw ContentError(
                        file: "presets.json", place: "\(place).selection.\(property.id.rawValue)",
                        problem: "unknown value \"\(value)\"; expected one of \(property.options.map(\.id.rawValue).joined(separator: ", "))")
                }
                options.append(OptionID(value))
            }
            if let unknown = spec.selection.keys.sorted().first(where: { key in !propertyIDs.contains { $0.rawValue == key } }) {
                throw ContentError(file: "presets.json", place: "\(place).selection", problem: "unknown property \"\(unknown)\"")
            }
            guard !spec.sources.isEmpty else {
                throw ContentError(file: "presets.json", place: "\(place).sources", problem: "a preset needs at least one Stripe docs source")
            }
            // "Stripe recommends" needs a basis: Stripe's table of recommended settings, or
            // the example of a charge-type page, cited first.
            let recommendationBases = [
                "/connect/integration-recommendations", "/connect/direct-charges", "/connect/destination-charges",
                "/connect/separate-charges-and-transfers",
            ]
            if spec.stripeRecommends, !recommendationBases.contains(spec.sources[0]) {
                throw ContentError(
                    file: "presets.json", place: "\(place).sources[0]",
                    problem: "a preset Stripe recommends cites its basis first: one of \(recommendationBases.joined(separator: ", "))")
            }
            presets.append(Preset(
                id: spec.id, label: spec.label, fits: spec.fits, selection: Selection(properties: propertyIDs, options: options),
                stripeRecommends: spec.stripeRecommends,
                sources: try spec.sources.enumerated().map { (linkIndex, path) throws(ContentError) in
                    try link(path, file: "presets.json", place: "\(place).sources[\(linkIndex)]")
                }))
        }
        let quickstart = try buildQuickstart(quickstartFile, slots: slots)
        let result = Guide(
            contentVersion: guide.contentVersion, title: guide.title, pageURL: localizedDocsAddress(guide.pageURL, docsLocale: docsLocale),
            scopeStatement: guide.scope, prerequisites: guide.prerequisites, urlParameterOrder: urlOrder,
            properties: properties, payouts: payouts, payoutsAfter: payoutsAfter, allRules: rules, apiVersionChanges: versionChanges,
            knownAPIVersions: knownVersions,
            advisories: advisories, requirementCollectionCondition: requirementCondition,
            requirementCollectionLabels: TextPerCollection(stripe: requirementLabels[.stripe] ?? "", application: requirementLabels[.application] ?? ""),
            requirementCollectionExplanation: TextPerCollection(stripe: explanation[.stripe] ?? "", application: explanation[.application] ?? ""),
            slots: slots, configuration: ConfigurationPerAPI(v1: v1Configuration, v2: v2Configuration, onBehalfOf: onBehalfOf), legacyTypes: legacyTypes, links: linkList, presets: presets,
            quickstart: { quickstart }, locale: locale)
        guard result.validSelections.contains(result.defaults) else {
            let broken = result.violations(of: result.defaults).map(\.id.rawValue).joined(separator: ", ")
            throw ContentError(file: "guide.json", place: "properties[*].default", problem: "the default selection breaks \(broken)")
        }
        // An advisory may say different things for different selections (A5 per charge
        // type), under one id; no selection may get two texts of one id.
        for selection in result.allSelections {
            let ids = result.advisories.filter { result.holds($0.condition, for: selection) }.map(\.id)
            if let twice = ids.first(where: { id in ids.filter { $0 == id }.count > 1 }) {
                throw ContentError(
                    file: "rules.json", place: "advisories",
                    problem: "two advisories with the id \"\(twice)\" apply to \(propertyIDs.map { selection[$0].rawValue }.joined(separator: "/"))")
            }
        }
        // A preset is a setup Stripe's docs recommend: valid, and against no recommendation,
        // under the rules of the newest API version.
        for (index, preset) in presets.enumerated() {
            let broken = result.violations(of: preset.selection) + result.breachedRecommendations(of: preset.selection)
            guard broken.isEmpty else {
                throw ContentError(
                    file: "presets.json", place: "presets[\(index)].selection",
                    problem: "breaks \(broken.map(\.id.rawValue).joined(separator: ", ")) under Stripe API version \(result.apiVersion)")
            }
        }
        return result
    }

    /// The properties' ids in page order. Each becomes a Swift name (`PropertyID.onboarding`)
    /// and a command-line flag, so both must be new and well formed.
    func declaredPropertyIDs(_ specs: [PropertySpec]) throws(ContentError) -> [PropertyID] {
        guard !specs.isEmpty, specs.count <= PropertySet.capacity else {
            throw ContentError(file: "guide.json", place: "properties", problem: "a guide has 1 to \(PropertySet.capacity) properties")
        }
        var ids: [PropertyID] = []
        for (index, spec) in specs.enumerated() {
            let place = "properties[\(index)]"
            guard isSwiftName(spec.id), spec.id != "requirementCollection" else {
                throw ContentError(
                    file: "guide.json", place: "\(place).id",
                    problem: "\"\(spec.id)\" is no property id: letters and digits, starting with a lowercase letter (not requirementCollection)")
            }
            guard isFlagName(spec.cliFlag) else {
                throw ContentError(file: "guide.json", place: "\(place).cliFlag", problem: "\"\(spec.cliFlag)\" is no flag name: lowercase letters, digits and inner hyphens")
            }
            for (field, value, earlier) in [("id", spec.id, specs[..<index].map(\.id)), ("cliFlag", spec.cliFlag, specs[..<index].map(\.cliFlag)), ("urlKey", spec.urlKey, specs[..<index].map(\.urlKey))]
            where earlier.contains(value) {
                throw ContentError(file: "guide.json", place: "\(place).\(field)", problem: "\"\(value)\" is used by an earlier property")
            }
            for option in spec.options where !isSwiftName(option.id) {
                throw ContentError(
                    file: "guide.json", place: "\(place).options", problem: "\"\(option.id)\" is no option id: letters and digits, starting with a lowercase letter")
            }
            ids.append(PropertyID(index: index, rawValue: spec.id))
        }
        return ids
    }

    func buildProperties(_ specs: [PropertySpec]) throws(ContentError) -> [Property] {
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
                id: propertyIDs[index], label: spec.label, shortLabel: spec.shortLabel, urlKey: spec.urlKey,
                cliFlag: spec.cliFlag, cliHelp: spec.cliHelp, defaultOption: OptionID(spec.default),
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
        var clauses: [Facet: Set<OptionID>] = [:]
        for (key, values) in spec.sorted(by: { $0.key < $1.key }) {
            guard let facet = Facet(id: key, properties: propertyIDs), allowDerived || facet != .requirementCollection else {
                let known = propertyIDs.map(\.rawValue) + (allowDerived ? ["requirementCollection"] : [])
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
            clauses[facet] = Set(values.map(OptionID.init(rawValue:)))
        }
        return Condition(clauses)
    }
}

/// A name Swift can use as is, and the content's style: lowerCamelCase ASCII.
private func isSwiftName(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
    return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
}

/// A long flag's name without its dashes: `charge-type`.
private func isFlagName(_ name: String) -> Bool {
    guard !name.hasPrefix("-"), !name.hasSuffix("-"), !name.isEmpty else { return false }
    return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
}
