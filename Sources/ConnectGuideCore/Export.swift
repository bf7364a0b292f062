/// The document formats a plan can be written in.
public enum PlanFormat: String, CaseIterable, Hashable, Sendable {
    case text
    case markdown
    case json
    /// A self-contained brief to paste into an LLM assistant (Prompt.swift).
    case prompt
}

/// A plan plus how its selection came about, as the exports show it.
public struct PlanReport: Hashable, Sendable {
    public let plan: Plan
    /// Properties the rules set that the user did not ask for.
    public let implied: [MovedProperty]

    public init(plan: Plan, implied: [MovedProperty] = []) {
        self.plan = plan
        self.implied = implied
    }
}

/// The version of the JSON document's shape; bumped on any incompatible change.
public let planSchemaID = "connect-guide/plan/v1"

extension Guide {
    public func render(_ report: PlanReport, as format: PlanFormat, width: Int = 80) -> String {
        switch format {
        case .text: renderText(report, width: width)
        case .markdown: renderMarkdown(report)
        case .json: planJSON(report).serialized()
        case .prompt: renderPrompt(report)
        }
    }

    /// "Dashboard access to None": where a move took a property.
    public func destination(of move: MovedProperty) -> String {
        "\(property(move.property).label) to \(optionLabel(move.property, move.to))"
    }

    /// "R1: API onboarding needs ...": the rule most directly behind a move.
    public func primaryReason(of move: MovedProperty) -> String? {
        move.rules.first.flatMap(rule).map { "\($0.id): \($0.summary)" }
    }

    /// "Dashboard access set to None (R1: ...)": one line per implied change, for stderr
    /// (the JSON lists every rule).
    public func describe(_ move: MovedProperty) -> String {
        let line = "\(property(move.property).label) set to \(optionLabel(move.property, move.to))"
        return primaryReason(of: move).map { "\(line) (\($0))" } ?? line
    }

    public func optionLabel(_ property: PropertyID, _ selection: Selection) -> String {
        optionLabel(property, selection[property])
    }

    public func optionLabel(_ property: PropertyID, _ option: OptionID) -> String {
        self.property(property).option(option)?.label ?? option.rawValue
    }

    /// "Stripe", "Your platform".
    public func requirementCollectionLabel(_ value: RequirementCollection) -> String {
        requirementCollectionLabels[value] ?? value.rawValue
    }

    /// "This combination has the controller settings of the former Standard account type." or
    /// "... is like the former Express account type, except that ...": never "is an Express
    /// account", since accounts created with controller properties are not.
    public func legacyTypeSentence(_ legacy: LegacyType) -> String {
        guard let difference = legacy.difference else {
            return "These settings are those of the former \(legacy.name) account type."
        }
        return "These settings are like the former \(legacy.name) account type, except that \(difference)."
    }

    /// "Rules of Stripe API version 2026-11-18.endive": which ruleset a document follows.
    public func versionLine(_ plan: Plan) -> String {
        var line = "Rules of Stripe API version \(plan.apiVersion)"
        if plan.apiVersion != newestAPIVersion { line += " (the newest this guide knows is \(newestAPIVersion))" }
        return line
    }

    /// One line per parameter, `name=value`, with what a placeholder stands for.
    func parameterLines(_ configuration: AccountConfiguration) -> [String] {
        configuration.parameters.map { parameter in
            if case .placeholder(_, let description) = parameter.value {
                return "\(parameter.name)=\(parameter.value)  (\(description))"
            }
            return "\(parameter.name)=\(parameter.value)"
        }
    }

    /// Said in place of the parameters of an API the plan's version does not have.
    func unavailableLine(_ configuration: AccountConfiguration, plan: Plan) -> String? {
        configuration.unavailableBefore.map {
            "Accounts \(configuration.api.rawValue) needs Stripe API version \($0) or later; this plan follows \(plan.apiVersion)."
        }
    }

    // MARK: Text

    private func renderText(_ report: PlanReport, width: Int) -> String {
        let plan = report.plan
        var lines: [String] = ["\(title): your integration plan", versionLine(plan), ""]
        let labelWidth = max(properties.map(\.label.count).max() ?? 0, "Requirement collection".count)
        for property in properties {
            lines.append("  " + property.label.padded(to: labelWidth) + "  " + optionLabel(property.id, plan.selection))
        }
        lines.append("  " + "Requirement collection".padded(to: labelWidth) + "  " + requirementCollectionLabel(plan.requirementCollection))
        lines.append("")
        func notice(_ id: String, _ title: String, _ text: String, _ links: [DocLink]) {
            lines += wrap("! \(id) · \(title)", width: width - 2).enumerated().map { ($0 == 0 ? "  " : "    ") + $1 }
            lines += wrap(text, width: width - 4).map { "    " + $0 }
            lines += links.map { "    \($0.url)" }
        }
        if !plan.callouts.isEmpty {
            lines.append("Before you build")
            for callout in plan.callouts { notice(callout.id, callout.title, callout.text, callout.links) }
            lines.append("")
        }
        lines.append("Integration steps")
        for step in plan.steps {
            let prefix = "\(step.number). ".leftPadded(to: 4)
            lines += wrap(step.title, width: width - 4).enumerated().map { ($0 == 0 ? prefix : "    ") + $1 }
            lines += wrap(step.text, width: width - 4).map { "    " + $0 }
            lines += step.links.map { "    \($0.label): \($0.url)" }
            lines.append("")
        }
        if !plan.cautions.isEmpty {
            lines.append("Cautions (N: Stripe's recommendations you go against, A: advisories)")
            for caution in plan.cautions { notice(caution.id, caution.title, caution.text, caution.links) }
            lines.append("")
        }
        for configuration in plan.configuration {
            lines.append("Account configuration, Accounts \(configuration.api.rawValue) (\(configuration.method) \(configuration.endpoint))")
            if let unavailable = unavailableLine(configuration, plan: plan) {
                lines += wrap(unavailable, width: width - 2).map { "  " + $0 }
            } else {
                lines += parameterLines(configuration).map { "  " + $0 }
            }
            lines.append("")
        }
        if let legacy = plan.legacyType {
            lines += wrap(legacyTypeSentence(legacy), width: width)
            lines.append("")
        }
        lines.append("Docs page: \(plan.url)")
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Markdown

    private func renderMarkdown(_ report: PlanReport) -> String {
        let plan = report.plan
        var lines: [String] = ["# \(title): your integration plan", "", versionLine(plan) + ".", ""]
        lines.append("| Property | Choice |")
        lines.append("| --- | --- |")
        for property in properties {
            lines.append("| \(property.label) | \(optionLabel(property.id, plan.selection)) |")
        }
        lines.append("| Requirement collection | \(requirementCollectionLabel(plan.requirementCollection)) |")
        lines.append("")
        for move in report.implied {
            lines.append("> Implied: \(describe(move)).")
            lines.append("")
        }
        func item(_ id: String, _ title: String, _ text: String, _ links: [DocLink]) -> String {
            let linked = links.map { "[\($0.title)](\($0.url))" }.joined(separator: ", ")
            return "- **\(title)** (\(id)). \(text)" + (linked.isEmpty ? "" : " See \(linked).")
        }
        if !plan.callouts.isEmpty {
            lines.append("## Before you build")
            lines.append("")
            lines += plan.callouts.map { item($0.id, $0.title, $0.text, $0.links) }
            lines.append("")
        }
        lines.append("## Integration steps")
        lines.append("")
        for step in plan.steps {
            lines.append("\(step.number). **\(step.title)**  ")
            lines.append("   \(step.text)  ")
            lines.append("   " + step.links.map { "[\($0.label)](\($0.url))" }.joined(separator: " · "))
        }
        lines.append("")
        if !plan.cautions.isEmpty {
            lines.append("## Cautions")
            lines.append("")
            for caution in plan.cautions {
                let id = caution.kind == .recommendation ? "\(caution.id), Stripe's recommendation" : caution.id
                lines.append(item(id, caution.title, caution.text, caution.links))
            }
            lines.append("")
        }
        lines.append("## Account configuration")
        lines.append("")
        for configuration in plan.configuration {
            lines.append("Accounts \(configuration.api.rawValue), `\(configuration.method) \(configuration.endpoint)`:")
            lines.append("")
            if let unavailable = unavailableLine(configuration, plan: plan) {
                lines.append(unavailable)
            } else {
                lines.append("```")
                lines += parameterLines(configuration)
                lines.append("```")
            }
            lines.append("")
        }
        if let legacy = plan.legacyType {
            lines.append(legacyTypeSentence(legacy))
            lines.append("")
        }
        lines.append("Open this selection in the docs: <\(plan.url)>")
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: JSON

    /// The plan as the documented JSON schema (docs/plan-json.md).
    public func planJSON(_ report: PlanReport) -> JSONValue {
        let plan = report.plan
        func linksJSON(_ links: [DocLink]) -> JSONValue {
            .array(links.map { .object([("label", .string($0.title)), ("url", .string($0.url))]) })
        }
        func advisoryJSON(_ advisory: Advisory) -> JSONValue {
            .object([
                ("id", .string(advisory.id)),
                ("title", .string(advisory.title)),
                ("text", .string(advisory.text)),
                ("links", linksJSON(advisory.links)),
            ])
        }
        return .object([
            ("schema", .string(planSchemaID)),
            ("contentVersion", .string(plan.contentVersion)),
            ("stripeVersion", .string(plan.apiVersion.description)),
            ("selection", .object(properties.map { ($0.id.rawValue, .string(plan.selection[$0.id].rawValue)) })),
            ("choices", .array(properties.map { property in
                let option = property.option(plan.selection[property.id])
                return .object([
                    ("property", .string(property.id.rawValue)),
                    ("label", .string(property.label)),
                    ("option", .string(plan.selection[property.id].rawValue)),
                    ("optionLabel", .string(option?.label ?? "")),
                    ("urlKey", .string(property.urlKey)),
                    ("urlValue", .string(option?.urlValue ?? "")),
                ])
            })),
            ("implied", .array(report.implied.map(movedJSON))),
            ("requirementCollection", .string(plan.requirementCollection.rawValue)),
            ("legacyType", plan.legacyType.map { .string($0.name) } ?? .null),
            ("legacyTypeNote", plan.legacyType.map { .string(legacyTypeSentence($0)) } ?? .null),
            ("callouts", .array(plan.callouts.map(advisoryJSON))),
            ("steps", .array(plan.steps.map { step in
                .object([
                    ("number", .int(step.number)),
                    ("slot", .int(step.slot)),
                    ("slotId", .string(step.slotID)),
                    ("id", .string(step.id)),
                    ("heading", .string(step.heading)),
                    ("title", .string(step.title)),
                    ("text", .string(step.text)),
                    ("links", .array(step.links.map { .object([("label", .string($0.label)), ("url", .string($0.url))]) })),
                ])
            })),
            ("recommendations", .array(plan.breachedRecommendations.map { rule in
                .object([
                    ("id", .string(rule.id)),
                    ("summary", .string(rule.summary)),
                    ("reason", .string(rule.reason)),
                    ("sources", linksJSON(rule.sources)),
                ])
            })),
            ("advisories", .array(plan.advisories.map(advisoryJSON))),
            ("accountConfiguration", .object(plan.configuration.map { ($0.api.rawValue, configurationJSON($0)) })),
            ("url", .string(plan.url)),
        ])
    }

    func movedJSON(_ move: MovedProperty) -> JSONValue {
        .object([
            ("property", .string(move.property.rawValue)),
            ("from", .string(move.from.rawValue)),
            ("to", .string(move.to.rawValue)),
            ("rules", .array(move.rules.map(JSONValue.string))),
            ("reason", .string(describe(move))),
        ])
    }

    /// v1 parameters stay flat, as form fields; v2 parameters nest into the JSON body.
    public func configurationJSON(_ configuration: AccountConfiguration) -> JSONValue {
        let parameters: JSONValue
        switch configuration.api {
        case .v1:
            parameters = .object(configuration.parameters.map { ($0.name, $0.value.json) })
        case .v2:
            parameters = nested(configuration.parameters.map { ($0.name.split(separator: ".").map(String.init), $0.value.json) })
        }
        return .object([
            ("method", .string(configuration.method)),
            ("endpoint", .string(configuration.endpoint)),
            ("availableFrom", configuration.unavailableBefore.map { .string($0.description) } ?? .null),
            (configuration.api == .v1 ? "parameters" : "body", parameters),
        ])
    }

    private func nested(_ entries: [([String], JSONValue)]) -> JSONValue {
        var keys: [String] = []
        var groups: [String: [([String], JSONValue)]] = [:]
        var leaves: [String: JSONValue] = [:]
        for (path, value) in entries {
            guard let head = path.first else { continue }
            if !keys.contains(head) { keys.append(head) }
            if path.count == 1 { leaves[head] = value } else { groups[head, default: []].append((Array(path.dropFirst()), value)) }
        }
        return .object(keys.map { key in (key, leaves[key] ?? nested(groups[key] ?? [])) })
    }
}

extension ParameterValue {
    var json: JSONValue {
        switch self {
        case .string(let text): .string(text)
        case .bool(let flag): .bool(flag)
        case .placeholder(let name, let description): .object([("placeholder", .string(name)), ("description", .string(description))])
        }
    }
}

// MARK: - Text helpers

/// "a", "a and b", "a, b and c".
public func listed(_ items: [String]) -> String {
    guard items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " and " + items.last!
}

/// Splits text into lines no wider than `width`, breaking at spaces; a word wider than
/// the line is cut. `displayWidth` measures a character (the terminal front end passes
/// one that counts wide characters as two); printable ASCII always takes one column, so
/// words made of it are measured by their length, which keeps redraws cheap.
public func wrap(_ text: String, width: Int, displayWidth: (Character) -> Int = { _ in 1 }) -> [String] {
    let width = max(width, 1)
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
        var line = ""
        var lineWidth = 0
        for word in paragraph.split(separator: " ") {
            var word = Substring(word)
            var wordWidth = isPrintableASCII(word.utf8) ? word.utf8.count : word.reduce(0) { $0 + displayWidth($1) }
            if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
                line += " " + word
                lineWidth += 1 + wordWidth
                continue
            }
            if lineWidth > 0 { lines.append(line) }
            line = ""
            lineWidth = 0
            while wordWidth > width {
                var piece = ""
                var pieceWidth = 0
                while let character = word.first, pieceWidth + displayWidth(character) <= width || piece.isEmpty {
                    piece.append(character)
                    pieceWidth += displayWidth(character)
                    word = word.dropFirst()
                }
                lines.append(piece)
                wordWidth -= pieceWidth
            }
            line = String(word)
            lineWidth = wordWidth
        }
        lines.append(line)
    }
    return lines
}

/// Printable ASCII (space to tilde): one terminal column per byte.
@inlinable
public func isPrintableASCII(_ bytes: some Collection<UInt8>) -> Bool {
    bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
}

extension String {
    func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
