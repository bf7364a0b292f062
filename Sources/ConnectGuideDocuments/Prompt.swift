import ConnectGuideCore
import ConnectGuideJSON

extension Guide {
    /// A brief to paste into an LLM assistant: enough context that the assistant needs
    /// nothing else (what Connect is, what was chosen and why, the steps with their links,
    /// the caveats, the account request) and a clear statement of what to do with it.
    /// Markdown, since assistants read it well and people can still read it raw.
    func renderPrompt(_ report: PlanReport) -> String {
        let plan = report.plan
        let words = text.documents
        // Says what follows from the sections this brief really has, and nothing more.
        var sections = [words.promptPartChoices, words.promptPartSteps]
        if !plan.callouts.isEmpty || !plan.cautions.isEmpty { sections.append(words.promptPartCautions) }
        sections.append(words.promptPartRequest)
        var lines: [String] = []
        lines.append("# " + words.promptTitle)
        lines.append("")
        lines.append(words.promptIntroduction(parts: text.list(sections)))
        lines.append("")
        lines.append(withoutCommands(scopeStatement))
        lines.append("")
        lines.append(words.promptVersion(version: plan.apiVersion.description))
        lines.append("")

        lines.append("## " + words.promptChoices)
        lines.append("")
        let impliedProperties = Set(report.implied.map(\.property))
        for property in properties {
            let option = property.option(plan.selection[property.id])
            var line = "- **\(property.label)**: \(option?.label ?? plan.selection[property.id].rawValue)"
            if let summary = option?.summary, !summary.isEmpty { line = sentences(sentence(line), sentence(summary)) }
            if impliedProperties.contains(property.id) { line = sentences(line, words.promptSetByRules) }
            lines.append(line)
        }
        let collection = plan.requirementCollection
        lines.append("- " + words.promptRequirementCollection(
            label: requirementCollectionLabel(collection), value: collection.rawValue, explanation: requirementCollectionExplanation[collection]))
        if let legacy = plan.legacyType {
            lines.append("- " + legacyTypeSentence(legacy))
        }
        lines.append("")
        if !report.implied.isEmpty {
            lines.append(words.promptImpliedIntroduction)
            lines.append("")
            for move in report.implied { lines.append("- " + sentence(describe(move))) }
            lines.append("")
        }
        let reasons = rules.filter { rule in holds(rule.premise, for: plan.selection) }
        if !reasons.isEmpty {
            lines.append(words.promptRulesIntroduction)
            lines.append("")
            for rule in reasons {
                lines.append("- " + sentences(sentence(rule.summary), rule.reason) + " (\(rule.sources.map(\.url).joined(separator: ", ")))")
            }
            lines.append("")
        }

        lines.append("## " + words.integrationSteps)
        lines.append("")
        for step in plan.steps {
            lines.append("\(step.number). " + sentences(sentence("**\(step.title)**"), step.text))
            for link in step.links { lines.append("   - \(link.label): \(link.url)") }
        }
        lines.append("")

        if !plan.callouts.isEmpty || !plan.cautions.isEmpty {
            lines.append("## " + words.promptCautions)
            lines.append("")
            for callout in plan.callouts {
                lines.append("- " + sentences(sentence("**\(callout.title)**"), withoutCommands(callout.text)))
                for link in callout.links { lines.append("  - \(link.title): \(link.url)") }
            }
            for caution in plan.cautions {
                let title = caution.kind == .recommendation ? words.promptAgainstRecommendation(title: caution.title) : caution.title
                lines.append("- " + sentences(sentence("**\(title)**"), caution.text))
                for link in caution.links { lines.append("  - \(link.title): \(link.url)") }
            }
            lines.append("")
        }

        lines.append("## " + words.promptCreatingAccount)
        lines.append("")
        for configuration in plan.configuration {
            lines.append(words.promptRequest(
                api: configuration.api.rawValue, method: configuration.method, endpoint: configuration.endpoint,
                version: plan.apiVersion.description))
            lines.append("")
            if let unavailable = unavailableLine(configuration, plan: plan) {
                lines.append(unavailable)
                lines.append("")
                continue
            }
            switch configuration.api {
            case .v1:
                lines.append("```")
                lines += parameterLines(configuration)
                lines.append("```")
            case .v2:
                lines.append("```json")
                lines.append(configurationBody(configuration).serialized().trimmingTrailingNewline())
                lines.append("```")
            }
            if !configuration.onBehalfOf.isEmpty {
                lines.append("")
                lines.append(words.promptOnBehalfOf(
                    note: self.configuration.onBehalfOf.text, parameters: onBehalfOfParameters(configuration)))
            }
            lines.append("")
        }

        lines.append(quickstartSection(plan: plan, heading: "##", forAssistant: true).trimmingTrailingNewline())
        lines.append("")
        lines.append("## " + words.promptRequests)
        lines.append("")
        for (number, request) in [words.promptWalkThrough, words.promptCommitments, words.promptKeepToDocs, words.promptNoSecretKey].enumerated() {
            lines.append("\(number + 1). " + request)
        }
        lines.append("")
        lines.append(words.promptSelectionURL(url: plan.url))
        lines.append("")
        lines.append(words.promptSignature(contentVersion: plan.contentVersion))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The parameters of a request as the API takes them: v1 flat form fields, v2 a nested JSON body.
    func configurationBody(_ configuration: AccountConfiguration) -> JSONValue {
        configurationJSON(configuration)[configuration.api == .v1 ? "parameters" : "body"] ?? .object([])
    }
}


extension String {
    func trimmingTrailingNewline() -> String {
        hasSuffix("\n") ? String(dropLast()) : self
    }
}

/// Content text for the brief without its sentences that point to a connect-guide
/// command: the assistant reading the brief cannot run the user's CLI, and the brief
/// already holds what those commands print (the v2 request, say).
func withoutCommands(_ text: String) -> String {
    guard text.contains("connect-guide ") else { return text }
    var sentences: [Substring] = []
    var rest = text[...]
    while let end = rest.firstRange(of: ". ") {
        sentences.append(rest[..<end.upperBound])
        rest = rest[end.upperBound...]
    }
    sentences.append(rest)
    var kept = sentences.filter { !$0.contains("connect-guide ") }.joined()
    while kept.last == " " { kept.removeLast() }
    return kept
}
