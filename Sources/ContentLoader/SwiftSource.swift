import ConnectGuideCore

/// The checked guide as Swift source: one function that builds it from literals, and
/// `Guide.bundled`. The content compiler writes it at build time, so the shipped binary
/// reads no JSON and checks nothing at start-up. Every value gets an explicit type, which
/// keeps the type checker fast on a file this size.
public func bundledGuideSource(_ guide: Guide, locale: String = "en") -> String {
    var out = SourceWriter()
    out.line("// Generated from Assets/*.json by content-compiler (Plugins/CompileContent) at build time.")
    out.line("// Do not edit: edit the content files. A broken one fails the build, naming the file and the place.")
    out.line("import ConnectGuideCore")
    out.line("")
    if locale == "en" {
        for line in identifiersSource(guide) { out.line(line) }
        out.line("")
    }
    out.line("extension Guide {")
    if locale == "en" {
        out.line("    /// The guide content compiled into the binary, with the newest API version's rules in force.")
        out.line("    public static let bundled: Guide = makeBundledGuide()")
    } else {
        out.line("    /// The guide content in the locale \(locale) (Assets/locales/\(locale)/content.json).")
        out.line("    static let bundled_\(locale): Guide = makeBundledGuide()")
    }
    out.line("}")
    out.line("")
    out.line("/// The properties in page order, for the selections below.")
    out.line("private let propertyIDs: [PropertyID] = [\(guide.propertyIDs.map { "." + swiftName($0.rawValue) }.joined(separator: ", "))]")
    out.line("")
    // Another locale's guide is built when first used, not laid out as static data: data
    // the binary carries is resident at start whether or not a run reads it.
    if locale != "en" { out.line("@_optimize(none)") }
    out.line("private func makeBundledGuide() -> Guide {")

    for (index, link) in guide.links.enumerated() {
        out.line("    let link\(index): DocLink = \(docLink(link))")
    }
    func linkReference(_ link: DocLink) -> String {
        guard let index = guide.links.firstIndex(of: link) else { return docLink(link) }
        return "link\(index)"
    }
    func links(_ list: [DocLink]) -> String { "[" + list.map(linkReference).joined(separator: ", ") + "]" }

    for (index, property) in guide.properties.enumerated() {
        for (optionIndex, option) in property.options.enumerated() {
            out.line("    let option\(index)_\(optionIndex): PropertyOption = PropertyOption(")
            out.line("        id: \(literal(option.id.rawValue)), label: \(literal(option.label)), shortLabel: \(literal(option.shortLabel)),")
            out.line("        urlValue: \(literal(option.urlValue)), cliValue: \(literal(option.cliValue)), aliases: \(strings(option.aliases)),")
            out.line("        summary: \(literal(option.summary)), intro: \(literal(option.intro)),")
            out.line("        recommendation: \(option.recommendation.map(literal) ?? "nil"), bestFor: \(strings(option.bestFor)), notes: \(strings(option.notes)))")
        }
        let options = property.options.indices.map { "option\(index)_\($0)" }.joined(separator: ", ")
        out.line("    let property\(index): Property = Property(")
        out.line("        id: .\(swiftName(property.id.rawValue)), label: \(literal(property.label)), shortLabel: \(literal(property.shortLabel)),")
        out.line("        urlKey: \(literal(property.urlKey)), cliFlag: \(literal(property.cliFlag)), cliHelp: \(literal(property.cliHelp)),")
        out.line("        defaultOption: \(literal(property.defaultOption.rawValue)),")
        out.line("        section: \(section(property.section)), options: [\(options)])")
    }
    for (index, rule) in guide.allRules.enumerated() {
        out.line("    let rule\(index): Rule = Rule(")
        out.line("        id: \(literal(rule.id.rawValue)), kind: .\(rule.kind.rawValue), versions: \(versions(rule.versions)),")
        out.line("        summary: \(literal(rule.summary)),")
        out.line("        premise: \(condition(rule.premise)), requirement: \(condition(rule.requirement)),")
        out.line("        reason: \(literal(rule.reason)), sources: \(links(rule.sources)),")
        out.line("        properties: [\(rule.properties.map { "." + swiftName($0.rawValue) }.joined(separator: ", "))])")
    }
    for (index, advisory) in guide.advisories.enumerated() {
        out.line("    let advisory\(index): Advisory = Advisory(")
        out.line("        id: \(literal(advisory.id)), isCallout: \(advisory.isCallout), condition: \(condition(advisory.condition)),")
        out.line("        title: \(literal(advisory.title)), text: \(literal(advisory.text)), links: \(links(advisory.links)))")
    }
    for (index, slot) in guide.slots.enumerated() {
        out.line("    let slot\(index): StepSlot = StepSlot(number: \(slot.number), id: \(literal(slot.id)), heading: \(literal(slot.heading)), variants: [")
        for variant in slot.variants {
            let stepLinks = variant.links.map { "StepLink(label: \(literal($0.label)), url: \(literal($0.url)))" }.joined(separator: ", ")
            out.line("        StepVariant(")
            out.line("            id: \(literal(variant.id)), condition: \(condition(variant.condition)),")
            out.line("            title: \(literal(variant.title)), text: \(literal(variant.text)),")
            out.line("            links: [\(stepLinks)]),")
        }
        out.line("    ])")
    }
    for api in AccountsAPI.allCases {
        let rules = guide.configuration[api]
        out.line("    let configuration\(api.rawValue): APIConfigurationRules = APIConfigurationRules(")
        out.line("        method: \(literal(rules.method)), endpoint: \(literal(rules.endpoint)), minimumVersion: \(rules.minimumVersion.map(version) ?? "nil"), rules: [")
        for rule in rules.rules {
            let parameters = rule.parameters.map { "(name: \(literal($0.name)), value: \(parameterValue($0.value)))" }.joined(separator: ", ")
            out.line("            ParameterRule(condition: \(condition(rule.condition)), parameters: [\(parameters)], because: \(literal(rule.because)), onBehalfOf: \(rule.onBehalfOf)),")
        }
        out.line("        ])")
    }
    let changes = guide.apiVersionChanges.map {
        "APIVersionChange(version: \(version($0.version)), change: \(literal($0.change)), sources: \(links($0.sources)))"
    }
    out.line("    let apiVersionChanges: [APIVersionChange] = [")
    for change in changes { out.line("        \(change),") }
    out.line("    ]")
    // The valid combinations under each set of hard rules an API version can put in force.
    out.line("    let validityTable: [ValidSelections] = [")
    for ruleset in guide.rulesets {
        let ids = ruleset.map(\.id)
        let valid = guide.allSelections.filter { selection in !ruleset.contains { guide.breaks($0, selection) } }
        out.line("        ValidSelections(rules: \(strings(ids.map(\.rawValue))), selections: [")
        for selection in valid {
            out.line("            Selection(properties: propertyIDs, options: \(strings(guide.propertyIDs.map { selection[$0].rawValue }))),")
        }
        out.line("        ]),")
    }
    out.line("    ]")
    let labels = RequirementCollection.allCases.map { "\($0.rawValue): \(literal(guide.requirementCollectionLabels[$0]))" }
    let explanations = RequirementCollection.allCases.map { "\($0.rawValue): \(literal(guide.requirementCollectionExplanation[$0]))" }
    out.line("    return Guide(")
    out.line("        contentVersion: \(literal(guide.contentVersion)), title: \(literal(guide.title)), pageURL: \(literal(guide.pageURL)),")
    out.line("        scopeStatement: \(literal(guide.scopeStatement)),")
    out.line("        prerequisites: \(literal(guide.prerequisites)),")
    out.line("        urlParameterOrder: [\(guide.urlParameterOrder.map { "." + swiftName($0.rawValue) }.joined(separator: ", "))],")
    out.line("        properties: [\(guide.properties.indices.map { "property\($0)" }.joined(separator: ", "))],")
    out.line("        payouts: \(section(guide.payouts)),")
    if let payoutsAfter = guide.payoutsAfter { out.line("        payoutsAfter: .\(swiftName(payoutsAfter.rawValue)),") }
    out.line("        allRules: [\(guide.allRules.indices.map { "rule\($0)" }.joined(separator: ", "))],")
    out.line("        apiVersionChanges: apiVersionChanges,")
    out.line("        knownAPIVersions: [")
    for known in guide.knownAPIVersions { out.line("            \(version(known)),") }
    out.line("        ],")
    out.line("        advisories: [\(guide.advisories.indices.map { "advisory\($0)" }.joined(separator: ", "))],")
    out.line("        requirementCollectionCondition: \(condition(guide.requirementCollectionCondition)),")
    out.line("        requirementCollectionLabels: TextPerCollection(\(labels.joined(separator: ", "))),")
    out.line("        requirementCollectionExplanation: TextPerCollection(\(explanations.joined(separator: ", "))),")
    out.line("        slots: [\(guide.slots.indices.map { "slot\($0)" }.joined(separator: ", "))],")
    let onBehalfOf = guide.configuration.onBehalfOf
    out.line("        configuration: ConfigurationPerAPI(\(AccountsAPI.allCases.map { "\($0.rawValue): configuration\($0.rawValue)" }.joined(separator: ", ")),")
    out.line("            onBehalfOf: ConfigurationVariantNote(text: \(literal(onBehalfOf.text)), sources: \(links(onBehalfOf.sources)))),")
    out.line("        legacyTypes: [")
    for legacy in guide.legacyTypes {
        out.line("            LegacyType(name: \(literal(legacy.name)), condition: \(condition(legacy.condition)), difference: \(legacy.difference.map(literal) ?? "nil")),")
    }
    out.line("        ],")
    out.line("        links: [\(guide.links.indices.map { "link\($0)" }.joined(separator: ", "))],")
    out.line("        presets: [")
    for preset in guide.presets {
        let options = strings(guide.propertyIDs.map { preset.selection[$0].rawValue })
        out.line("            Preset(id: \(literal(preset.id)), label: \(literal(preset.label)), fits: \(literal(preset.fits)),")
        out.line("                selection: Selection(properties: propertyIDs, options: \(options)), stripeRecommends: \(preset.stripeRecommends), sources: \(links(preset.sources))),")
    }
    out.line("        ],")
    out.line("        validityTable: validityTable, quickstart: { bundledQuickstart },")
    out.line("        locale: \(literal(guide.locale)))")
    out.line("}")
    out.line("")
    // Built on first use (a global is initialised lazily): most runs never show code.
    out.line("private let bundledQuickstart: [QuickstartStepCalls] = makeBundledQuickstart()")
    out.line("")
    if locale != "en" { out.line("@_optimize(none)") }
    out.line("private func makeBundledQuickstart() -> [QuickstartStepCalls] {")
    for line in quickstartSource(guide.quickstart, linkReference: docLink, condition: condition) { out.line(line) }
    out.line("    return quickstart")
    out.line("}")
    return out.text
}

/// `Guide.bundled(_:)`: the guide in each locale the binary carries.
public func bundledGuidesSource(locales: [String]) -> String {
    var out = SourceWriter()
    out.line("// Generated by content-compiler (Plugins/CompileContent) at build time. Do not edit.")
    out.line("import ConnectGuideCore")
    out.line("import ConnectGuideText")
    out.line("")
    out.line("extension Guide {")
    out.line("    /// The guide content in `locale`, built on first use.")
    out.line("    public static func bundled(_ locale: LocaleID) -> Guide {")
    out.line("        switch locale {")
    out.line("        case .en: bundled")
    for code in locales { out.line("        case .\(code): bundled_\(code)") }
    out.line("        }")
    out.line("    }")
    out.line("}")
    return out.text
}

private struct SourceWriter {
    var text = ""
    mutating func line(_ line: String) { text += line + "\n" }
}

/// A Swift string literal: quotes, backslashes and control characters escaped; the rest,
/// other scripts and symbols included, as it is (Swift source is UTF-8).
func literal(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        case "\t": result += "\\t"
        case "\r": result += "\\r"
        case _ where scalar.isTerminalControl:
            result += "\\u{" + String(scalar.value, radix: 16) + "}"
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result + "\""
}

private func strings(_ list: [String]) -> String { "[" + list.map(literal).joined(separator: ", ") + "]" }

private func docLink(_ link: DocLink) -> String {
    "DocLink(path: \(literal(link.path)), title: \(literal(link.title)), url: \(literal(link.url)))"
}

private func section(_ section: Section) -> String {
    let notes = section.notes.map { "ConditionalText(condition: \(condition($0.condition)), text: \(literal($0.text)))" }
    return "Section(heading: \(literal(section.heading)), intro: \(literal(section.intro)), notes: [\(notes.joined(separator: ", "))])"
}

/// Facets in page order, values sorted: the same content always gives the same source.
/// A list of clauses rather than a dictionary literal, which would hash at every start.
private func condition(_ condition: Condition) -> String {
    guard !condition.clauses.isEmpty else { return "Condition.always" }
    let clauses = condition.clauses.map { clause -> String in
        let key: String
        switch clause.facet {
        case .property(let property): key = ".property(.\(swiftName(property.rawValue)))"
        case .requirementCollection: key = ".requirementCollection"
        }
        return ".init(\(key), \(strings(clause.allowed.map(\.rawValue).sorted())))"
    }
    return "Condition(clauses: [\(clauses.joined(separator: ", "))])"
}

/// The content's identifiers as Swift names: a constant for each property
/// (`PropertyID.onboarding`) and for each option, under its property
/// (`OptionID.Onboarding.hosted`), so code and tests that name one are checked by the
/// compiler against the content. Nothing else in the package knows how many there are.
func identifiersSource(_ guide: Guide) -> [String] {
    var lines = ["extension PropertyID {"]
    for property in guide.properties {
        lines.append("    /// \(property.label): \(property.cliHelp)")
        lines.append("    public static let \(swiftName(property.id.rawValue)) = PropertyID(index: \(property.id.index), rawValue: \(literal(property.id.rawValue)))")
    }
    lines.append("}")
    lines.append("")
    lines.append("extension OptionID {")
    for (index, property) in guide.properties.enumerated() {
        if index > 0 { lines.append("") }
        lines.append("    /// The options of `PropertyID.\(property.id.rawValue)`.")
        lines.append("    public enum \(typeName(property.id.rawValue)) {")
        for option in property.options {
            lines.append("        public static let \(swiftName(option.id.rawValue)): OptionID = \(literal(option.id.rawValue))")
        }
        lines.append("    }")
    }
    lines.append("}")
    return lines
}

/// An identifier as a Swift name, in backticks where it is a keyword.
func swiftName(_ identifier: String) -> String {
    let keywords: Set<String> = [
        "as", "associatedtype", "break", "case", "catch", "class", "continue", "default", "defer", "deinit", "do", "else", "enum",
        "extension", "fallthrough", "false", "fileprivate", "for", "func", "guard", "if", "import", "in", "init", "inout", "internal",
        "is", "let", "nil", "operator", "private", "protocol", "public", "repeat", "rethrows", "return", "static", "struct",
        "subscript", "super", "switch", "throw", "throws", "true", "try", "typealias", "var", "where", "while",
    ]
    return keywords.contains(identifier) ? "`\(identifier)`" : identifier
}

/// `chargeType` as a type's name: `ChargeType`.
private func typeName(_ identifier: String) -> String { identifier.prefix(1).uppercased() + identifier.dropFirst() }

private func version(_ version: StripeAPIVersion) -> String {
    "StripeAPIVersion(year: \(version.year), month: \(version.month), day: \(version.day), name: \(version.name.map(literal) ?? "nil"))"
}

private func versions(_ range: VersionRange) -> String {
    guard !range.isAll || range.previewsFrom != nil else { return "VersionRange.all" }
    return "VersionRange(from: \(range.from.map(version) ?? "nil"), before: \(range.before.map(version) ?? "nil"), "
        + "previewsFrom: \(range.previewsFrom.map(version) ?? "nil"))"
}

private func parameterValue(_ value: ParameterValue) -> String {
    switch value {
    case .string(let text): ".string(\(literal(text)))"
    case .bool(let flag): ".bool(\(flag))"
    case .placeholder(let name, let description): ".placeholder(name: \(literal(name)), description: \(literal(description)))"
    }
}
