import ConnectGuideCore
import ConnectGuideJSON

/// The document formats a plan can be written in.
public enum PlanFormat: String, CaseIterable, Hashable, Sendable {
    case text
    case markdown
    case json
    /// A self-contained brief to paste into an LLM assistant (Prompt.swift).
    case prompt
}

/// The version of the JSON document's shape; bumped on any incompatible change.
public let planSchemaID = "connect-guide/plan/v1"

extension Guide {
    public func render(_ report: PlanReport, as format: PlanFormat, width: Int = 80) -> String {
        switch format {
        case .text: plainText(planDocument(report), width: width)
        case .markdown: markdown(planDocument(report), in: self) + "\n" + quickstartSection(report, heading: "##")
        case .json: planJSON(report).serialized()
        case .prompt: renderPrompt(report)
        }
    }

    /// "Rules of Stripe API version 2026-11-18.endive": which ruleset a document follows.
    public func versionLine(_ plan: Plan) -> String {
        plan.apiVersion == newestAPIVersion
            ? text.documents.rulesOfVersion(version: plan.apiVersion.description)
            : text.documents.rulesOfOlderVersion(version: plan.apiVersion.description, newest: newestAPIVersion.description)
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

    /// The one extra line of the `on_behalf_of` variant: what the request adds for
    /// destination charges made on behalf of the account. Nil when there is none.
    func onBehalfOfLine(_ configuration: AccountConfiguration) -> String? {
        guard !configuration.onBehalfOf.isEmpty else { return nil }
        return text.documents.onBehalfOfAlso(parameters: onBehalfOfParameters(configuration))
    }

    /// `name=value` of each parameter the `on_behalf_of` variant adds, space-separated.
    func onBehalfOfParameters(_ configuration: AccountConfiguration) -> String {
        configuration.onBehalfOf.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
    }

    /// Said in place of the parameters of an API the plan's version does not have.
    func unavailableLine(_ configuration: AccountConfiguration, plan: Plan) -> String? {
        configuration.unavailableBefore.map {
            text.documents.accountsAPIUnavailable(
                api: configuration.api.rawValue, version: $0.description, planVersion: plan.apiVersion.description)
        }
    }

    // MARK: Text and Markdown

    /// The plan as blocks, for `plainText` and `markdown`.
    public func planDocument(_ report: PlanReport) -> [Block] {
        let plan = report.plan
        let words = text.documents
        var blocks: [Block] = [.title(words.planTitle(title: title)), .paragraph(words.sentence(text: versionLine(plan)))]
        blocks.append(.table(
            header: (words.propertyColumn, words.choiceColumn),
            rows: properties.map { Block.Row(label: $0.label, value: optionLabel($0.id, plan.selection)) }
                + [Block.Row(label: words.requirementCollection, value: requirementCollectionLabel(plan.requirementCollection))]))
        for move in report.implied { blocks.append(.aside(words.implied(change: describe(move)))) }
        func notices(_ list: [(id: String, title: String, text: String, links: [DocLink])]) -> Block {
            .notices(list.map { Block.Notice(id: $0.id, title: $0.title, text: $0.text, links: $0.links) })
        }
        if !plan.callouts.isEmpty {
            blocks.append(.heading(words.beforeYouBuild))
            blocks.append(notices(plan.callouts.map { ($0.id, $0.title, $0.text, $0.links) }))
        }
        blocks.append(.heading(words.integrationSteps))
        blocks.append(.steps(plan.steps.map { step in
            Block.Step(number: step.number, title: step.title, text: step.text, links: step.links.map { ($0.label, $0.url) })
        }))
        if !plan.cautions.isEmpty {
            blocks.append(.heading(words.cautionsHeading))
            blocks.append(notices(plan.cautions.map { ($0.id, $0.title, $0.text, $0.links) }))
        }
        for configuration in plan.configuration {
            blocks.append(.heading(words.accountConfigurationHeading(
                api: configuration.api.rawValue, method: configuration.method, endpoint: configuration.endpoint)))
            if let unavailable = unavailableLine(configuration, plan: plan) {
                blocks.append(.paragraph(unavailable))
            } else {
                blocks.append(.code(parameterLines(configuration) + (onBehalfOfLine(configuration).map { ["# " + $0] } ?? [])))
                if !configuration.onBehalfOf.isEmpty, configuration.api == .v2 {
                    blocks.append(.paragraph(self.configuration.onBehalfOf.text))
                }
            }
        }
        if let legacy = plan.legacyType { blocks.append(.paragraph(legacyTypeSentence(legacy))) }
        blocks.append(.link(label: words.docsPageLink, url: plan.url))
        return blocks
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
            ("locale", .string(locale)),
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
                    ("id", .string(rule.id.rawValue)),
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
            ("rules", .array(move.rules.map { .string($0.rawValue) })),
            ("reason", .string(describe(move))),
        ])
    }

    /// The `on_behalf_of` variant, when there is one, adds the parameters it sends on top.
    public func configurationJSON(_ configuration: AccountConfiguration) -> JSONValue {
        let body = configuration.api == .v1 ? "parameters" : "body"
        var onBehalfOf = JSONValue.null
        if !configuration.onBehalfOf.isEmpty {
            onBehalfOf = .object([
                ("when", .string(self.configuration.onBehalfOf.text)),
                ("adds", parametersJSON(configuration.onBehalfOf, api: configuration.api)),
            ])
        }
        return .object([
            ("method", .string(configuration.method)),
            ("endpoint", .string(configuration.endpoint)),
            ("availableFrom", configuration.unavailableBefore.map { .string($0.description) } ?? .null),
            (body, parametersJSON(configuration.parameters, api: configuration.api)),
            ("onBehalfOf", onBehalfOf),
        ])
    }

    /// v1 parameters stay flat, as form fields; v2 parameters nest into the JSON body.
    func parametersJSON(_ parameters: [AccountParameter], api: AccountsAPI) -> JSONValue {
        switch api {
        case .v1: .object(parameters.map { ($0.name, $0.value.json) })
        case .v2: nested(parameters.map { ($0.name.split(separator: ".").map(String.init), $0.value.json) })
        }
    }

    /// Entries grouped by their first key, in first-seen order; a key given as a leaf keeps
    /// its last value. Arrays, not dictionaries: there are a handful of keys, and a
    /// dictionary keyed by String needs generic metadata whose `String: Hashable` check
    /// scans every conformance record in the binary (a tenth of `plan --format json`).
    private func nested(_ entries: [([String], JSONValue)]) -> JSONValue {
        var keys: [String] = []
        for (path, _) in entries {
            if let head = path.first, !keys.contains(head) { keys.append(head) }
        }
        return .object(
            keys.map { key in
                let under = entries.filter { $0.0.first == key }
                if let leaf = under.last(where: { $0.0.count == 1 }) { return (key, leaf.1) }
                return (key, nested(under.map { (Array($0.0.dropFirst()), $0.1) }))
            })
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

