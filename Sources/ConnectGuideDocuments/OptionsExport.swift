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
                    ("selection", .object(PropertyID.allCases.map { ($0.rawValue, .string(preset.selection[$0].rawValue)) })),
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
                return "requirement collection " + values.joined(separator: "|")
            }
        }.joined(separator: ", ")
    }

    private func optionsText(width: Int) -> String {
        var lines: [String] = ["\(title): properties, options and rules", ""]
        lines.append("Choose with the flags below, naming an option by its value or any name after")
        lines.append("\"also\"; --from-url reads the page's URL keys and values.")
        lines.append("")
        for (index, property) in properties.enumerated() {
            lines.append("\(index + 1). \(property.label): --\(property.cliFlag)  (URL key \(property.urlKey))")
            let nameWidth = property.options.map(\.cliValue.count).max() ?? 0
            for option in property.options {
                let isDefault = option.id == property.defaultOption
                lines.append("   " + option.cliValue.padded(to: nameWidth) + "  " + option.label + (isDefault ? " (default)" : ""))
                let indent = "   " + String(repeating: " ", count: nameWidth) + "  "
                lines += wrapKeepingWords(prose: option.summary, width: width - indent.count).map { indent + $0 }
                var names = option.aliases
                if !names.contains(option.urlValue) && option.urlValue != option.cliValue { names.append(option.urlValue) }
                let aliases = names.isEmpty ? "" : "also: \(names.joined(separator: ", ")); "
                lines.append(indent + aliases + "URL value: \(option.urlValue)")
            }
            lines.append("")
        }
        lines.append("Rules of Stripe API version \(apiVersion) (--stripe-version; default \(newestAPIVersion))")
        lines.append("")
        func describeRules(_ heading: String, _ list: [Rule], verb: String) {
            guard !list.isEmpty else { return }
            lines.append(heading)
            for rule in list {
                lines.append("  \(rule.id)  \(rule.summary).")
                let indent = "      "
                let statement = "If \(describeAsFlags(rule.premise)), then \(verb)\(describeAsFlags(rule.requirement))."
                lines += wrapKeepingWords(prose: statement, width: width - indent.count).map { indent + $0 }
                lines += wrapKeepingWords(prose: "Why: \(rule.reason)", width: width - indent.count).map { indent + $0 }
                let kind = rule.kind == .api ? "Stripe's API enforces it" : rule.kind == .docs ? "Stripe's docs require it" : "Stripe recommends it"
                lines += wrapKeepingWords(prose: "\(kind); holds for \(rule.versions). Source: \(rule.sources.map(\.url).joined(separator: ", "))", width: width - indent.count)
                    .map { indent + $0 }
            }
            lines.append("")
        }
        describeRules(
            "Hard rules (a selection must satisfy all; \(validSelections.count) of \(allSelections.count) combinations do)",
            rules, verb: "")
        describeRules("Recommendations (shown as cautions, never enforced)", recommendations, verb: "preferably ")
        describeRules(
            "Rules not in force for \(apiVersion)", allRules.filter { !isInForce($0) }, verb: "")
        if !presets.isEmpty {
            lines.append("Presets (--preset NAME), common setups; * marks those Stripe's docs recommend as they are:")
            for preset in presets {
                let indent = "      "
                lines.append("  \(preset.id)  \(preset.label)\(preset.stripeRecommends ? " *" : "")")
                lines += wrapKeepingWords(prose: preset.fits, width: width - indent.count).map { indent + $0 }
                let flags = PropertyID.allCases.map { id in
                    "--\(property(id).cliFlag) \(property(id).option(preset.selection[id])?.cliValue ?? preset.selection[id].rawValue)"
                }
                lines += wrapKeepingWords(prose: flags.joined(separator: " "), width: width - indent.count).map { indent + $0 }
                lines += wrapKeepingWords(prose: "Source: \(preset.sources.map(\.url).joined(separator: ", "))", width: width - indent.count).map { indent + $0 }
            }
            lines.append("")
        }
        lines.append("Stripe API versions that changed the rules:")
        for change in apiVersionChanges {
            lines += wrapKeepingWords(prose: "\(change.version): \(change.change)", width: width - 4).enumerated().map { ($0 == 0 ? "  " : "    ") + $1 }
        }
        lines.append("")
        lines.append("Stripe API versions the guide knows (--stripe-version takes one, with or without its name, or a YYYY-MM-DD.preview in their range):")
        lines += wrapKeepingWords(prose: knownAPIVersions.map(\.description).joined(separator: ", "), width: width - 2).map { "  " + $0 }
        lines.append("")
        lines += wrapKeepingWords(prose: 
            "Requirement collection is not chosen: it is application when \(describeAsFlags(requirementCollectionCondition)), otherwise stripe.",
            width: width)
        return lines.joined(separator: "\n") + "\n"
    }
}
