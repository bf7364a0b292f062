import ConnectGuideCore
import ConnectGuideJSON

/// The formats `connect-guide options` writes.
public enum OptionsFormat: String, CaseIterable, Hashable, Sendable {
    case text
    case json
}

/// The version of the options JSON document's shape.
public let optionsSchemaID = "connect-guide/options/v1"

extension Guide {
    /// Everything a script or a reader needs to build selections: properties, their
    /// options under every name (CLI value, aliases, URL value), defaults and the rules.
    public func renderOptions(as format: OptionsFormat, width: Int = 80) -> String {
        switch format {
        case .text: optionsText(width: width)
        case .json: optionsJSON().serialized()
        }
    }

    public func optionsJSON() -> JSONValue {
        .object([
            ("schema", .string(optionsSchemaID)),
            ("locale", .string(locale)),
            ("contentVersion", .string(contentVersion)),
            ("stripeVersion", .string(apiVersion.description)),
            ("newestStripeVersion", .string(newestAPIVersion.description)),
            ("pageURL", .string(pageURL)),
            ("properties", .array(properties.map { property in
                .object([
                    ("id", .string(property.id.rawValue)),
                    ("label", .string(property.label)),
                    ("flag", .string("--" + property.cliFlag)),
                    ("urlKey", .string(property.urlKey)),
                    ("default", .string(property.defaultOption.rawValue)),
                    ("options", .array(property.options.map { option in
                        .object([
                            ("id", .string(option.id.rawValue)),
                            ("label", .string(option.label)),
                            ("cliValue", .string(option.cliValue)),
                            ("aliases", .array(option.aliases.map(JSONValue.string))),
                            ("urlValue", .string(option.urlValue)),
                            ("summary", .string(option.summary)),
                            ("default", .bool(option.id == property.defaultOption)),
                        ])
                    })),
                ])
            })),
            ("rules", .array(allRules.map { rule in
                .object([
                    ("id", .string(rule.id.rawValue)),
                    ("kind", .string(rule.kind.rawValue)),
                    ("versions", .string(rule.versions.description)),
                    ("inForce", .bool(isInForce(rule))),
                    ("summary", .string(rule.summary)),
                    ("if", conditionJSON(rule.premise)),
                    ("then", conditionJSON(rule.requirement)),
                    ("reason", .string(rule.reason)),
                    ("sources", .array(rule.sources.map { .string($0.url) })),
                ])
            })),
            ("knownStripeVersions", .array(knownAPIVersions.map { .string($0.description) })),
            ("versionChanges", .array(apiVersionChanges.map { change in
                .object([
                    ("version", .string(change.version.description)),
                    ("change", .string(change.change)),
                    ("sources", .array(change.sources.map { .string($0.url) })),
                ])
            })),
            ("requirementCollection", .object([
                ("applicationWhen", conditionJSON(requirementCollectionCondition)),
                ("explanation", .object(RequirementCollection.allCases.map {
                    ($0.rawValue, .string(requirementCollectionExplanation[$0]))
                })),
            ])),
            ("validCombinations", .int(validSelections.count)),
            ("presets", .array(presets.map { preset in
                .object([
                    ("id", .string(preset.id)),
                    ("label", .string(preset.label)),
                    ("fits", .string(preset.fits)),
                    ("stripeRecommends", .bool(preset.stripeRecommends)),
                    ("selection", .object(preset.selection.properties.map { ($0.rawValue, .string(preset.selection[$0].rawValue)) })),
                    ("sources", .array(preset.sources.map { .string($0.url) })),
                ])
            })),
        ])
    }

    public func isInForce(_ rule: Rule) -> Bool {
        rules.contains { $0.id == rule.id } || recommendations.contains { $0.id == rule.id }
    }

    /// Facets in page order, then the derived requirement collection; values sorted, so
    /// the document is stable.
    private func conditionJSON(_ condition: Condition) -> JSONValue {
        .object(orderedFacets(condition).map { facet, values in (facet.description, .array(values.map(JSONValue.string))) })
    }

    private func orderedFacets(_ condition: Condition) -> [(Facet, [String])] {
        condition.clauses.map { clause in
            let facet = clause.facet
            let values = clause.allowed.map(\.rawValue)
            if case .property(let id) = facet {
                // The property's own option order reads better than alphabetical.
                let order = property(id).options.map(\.id.rawValue)
                return (facet, values.sorted { (order.firstIndex(of: $0) ?? 0) < (order.firstIndex(of: $1) ?? 0) })
            }
            return (facet, values.sorted())
        }
    }

    /// "--dashboard none, --fees platform": a condition in the words of the command line.
    public func describeAsFlags(_ condition: Condition) -> String {
        orderedFacets(condition).map { facet, values in
            switch facet {
            case .property(let id):
                let spec = property(id)
                let names = values.map { spec.option(OptionID($0))?.cliValue ?? $0 }
                return "--\(spec.cliFlag) " + names.joined(separator: "|")
            case .requirementCollection:
                return text.documents.requirementCollectionIs(values: values.joined(separator: "|"))
            }
        }.joined(separator: ", ")
    }

    private func optionsText(width: Int) -> String {
        let words = text.documents
        var lines: [String] = [words.optionsTitle(title: title), ""]
        lines += wrapKeepingWords(prose: words.optionsIntroduction, width: width)
        lines.append("")
        for (index, property) in properties.enumerated() {
            lines.append("\(index + 1). \(property.label): --\(property.cliFlag)  " + words.optionsURLKey(key: property.urlKey))
            let nameWidth = property.options.map(\.cliValue.count).max() ?? 0
            for option in property.options {
                let isDefault = option.id == property.defaultOption
                lines.append("   " + option.cliValue.padded(to: nameWidth) + "  " + option.label + (isDefault ? " " + words.optionsDefault : ""))
                let indent = "   " + String(repeating: " ", count: nameWidth) + "  "
                lines += wrapKeepingWords(prose: option.summary, width: width - indent.count).map { indent + $0 }
                var names = option.aliases
                if !names.contains(option.urlValue) && option.urlValue != option.cliValue { names.append(option.urlValue) }
                let urlValue = words.optionsURLValue(value: option.urlValue)
                lines.append(indent + (names.isEmpty ? urlValue : words.optionsAlsoNamed(names: names.joined(separator: ", "), urlValue: urlValue)))
            }
            lines.append("")
        }
        lines.append(words.optionsRulesOfVersion(version: apiVersion.description, newest: newestAPIVersion.description))
        lines.append("")
        func describeRules(_ heading: String, _ list: [Rule]) {
            guard !list.isEmpty else { return }
            lines.append(heading)
            for rule in list {
                lines.append("  \(rule.id)  " + sentence(rule.summary))
                let indent = "      "
                let statement = rule.kind.isHard
                    ? words.optionsRuleStatement(premise: describeAsFlags(rule.premise), requirement: describeAsFlags(rule.requirement))
                    : words.optionsRecommendationStatement(premise: describeAsFlags(rule.premise), requirement: describeAsFlags(rule.requirement))
                lines += wrapKeepingWords(prose: statement, width: width - indent.count).map { indent + $0 }
                lines += wrapKeepingWords(prose: words.optionsWhy(reason: rule.reason), width: width - indent.count).map { indent + $0 }
                let kind = rule.kind == .api ? words.ruleKindAPI : rule.kind == .docs ? words.ruleKindDocs : words.ruleKindRecommendation
                let sources = rule.sources.map(\.url).joined(separator: ", ")
                lines += wrapKeepingWords(prose: words.optionsRuleOrigin(kind: kind, versions: versions(rule.versions), sources: sources), width: width - indent.count)
                    .map { indent + $0 }
            }
            lines.append("")
        }
        describeRules(words.optionsHardRules(valid: String(validSelections.count), all: String(allSelections.count)), rules)
        describeRules(words.optionsRecommendations, recommendations)
        describeRules(words.optionsRulesNotInForce(version: apiVersion.description), allRules.filter { !isInForce($0) })
        if !presets.isEmpty {
            lines.append(words.optionsPresets)
            for preset in presets {
                let indent = "      "
                lines.append("  \(preset.id)  \(preset.label)\(preset.stripeRecommends ? " *" : "")")
                lines += wrapKeepingWords(prose: preset.fits, width: width - indent.count).map { indent + $0 }
                let flags = preset.selection.properties.map { id in
                    "--\(property(id).cliFlag) \(property(id).option(preset.selection[id])?.cliValue ?? preset.selection[id].rawValue)"
                }
                lines += wrapKeepingWords(prose: flags.joined(separator: " "), width: width - indent.count).map { indent + $0 }
                lines += wrapKeepingWords(prose: words.optionsSource(sources: preset.sources.map(\.url).joined(separator: ", ")), width: width - indent.count)
                    .map { indent + $0 }
            }
            lines.append("")
        }
        lines.append(words.optionsVersionChanges)
        for change in apiVersionChanges {
            lines += wrapKeepingWords(prose: "\(change.version): \(change.change)", width: width - 4).enumerated().map { ($0 == 0 ? "  " : "    ") + $1 }
        }
        lines.append("")
        lines += wrapKeepingWords(prose: words.optionsKnownVersions, width: width)
        lines += wrapKeepingWords(prose: knownAPIVersions.map(\.description).joined(separator: ", "), width: width - 2).map { "  " + $0 }
        lines.append("")
        lines += wrapKeepingWords(prose: words.optionsRequirementCollection(condition: describeAsFlags(requirementCollectionCondition)), width: width)
        return lines.joined(separator: "\n") + "\n"
    }
}
