import ConnectGuideCore
import ConnectGuideJSON

extension Guide {
    /// A brief to paste into an LLM assistant: enough context that the assistant needs
    /// nothing else (what Connect is, what was chosen and why, the steps with their links,
    /// the caveats, the account request) and a clear statement of what to do with it.
    /// Markdown, since assistants read it well and people can still read it raw.
    func renderPrompt(_ report: PlanReport) -> String {
        let plan = report.plan
        // Says what follows from the sections this brief really has, and nothing more.
        var sections = ["my choices", "the integration steps they lead to"]
        if !plan.callouts.isEmpty || !plan.cautions.isEmpty { sections.append("the cautions that apply") }
        sections.append("the request that creates each connected account")
        var lines: [String] = []
        lines.append("# Help me build my Stripe Connect integration")
        lines.append("")
        lines.append("""
            I am building a platform on Stripe Connect, Stripe's product for platforms and \
            marketplaces that take payments on behalf of other businesses or people (their \
            "connected accounts") and pay them out. I used the Connect integration guide to \
            choose how my integration works. Below are \(listed(sections)).
            """)
        lines.append("")
        lines.append(withoutCommands(scopeStatement))
        lines.append("")
        lines.append("""
            The requests below target Stripe API version \(plan.apiVersion): they send it in the \
            `Stripe-Version` header, and the rules behind my choices are the ones that hold for it.
            """)
        lines.append("")

        lines.append("## My choices")
        lines.append("")
        let impliedProperties = Set(report.implied.map(\.property))
        for property in properties {
            let option = property.option(plan.selection[property.id])
            var line = "- **\(property.label)**: \(option?.label ?? plan.selection[property.id].rawValue)"
            if let summary = option?.summary, !summary.isEmpty { line += ". " + summary.asSentence() }
            if impliedProperties.contains(property.id) { line += " (Set by the guide's rules, see below.)" }
            lines.append(line)
        }
        let collection = plan.requirementCollection
        lines.append("- **Requirement collection** (follows from the choices above): \(requirementCollectionLabel(collection)) "
            + "(`\(collection.rawValue)`). " + requirementCollectionExplanation[collection])
        if let legacy = plan.legacyType {
            lines.append("- " + legacyTypeSentence(legacy))
        }
        lines.append("")
        if !report.implied.isEmpty {
            lines.append("Some choices were not mine but follow from Stripe's rules for which combinations exist:")
            lines.append("")
            for move in report.implied { lines.append("- \(describe(move)).") }
            lines.append("")
        }
        let reasons = rules.filter { rule in holds(rule.premise, for: plan.selection) }
        if !reasons.isEmpty {
            lines.append("Rules that shape this combination:")
            lines.append("")
            for rule in reasons {
                lines.append("- \(rule.summary). \(rule.reason) (\(rule.sources.map(\.url).joined(separator: ", ")))")
            }
            lines.append("")
        }

        lines.append("## Integration steps")
        lines.append("")
        for step in plan.steps {
            lines.append("\(step.number). **\(step.title)**. \(step.text)")
            for link in step.links { lines.append("   - \(link.label): \(link.url)") }
        }
        lines.append("")

        if !plan.callouts.isEmpty || !plan.cautions.isEmpty {
            lines.append("## Cautions for this combination")
            lines.append("")
            for callout in plan.callouts {
                lines.append("- **\(callout.title)**. \(withoutCommands(callout.text))")
                for link in callout.links { lines.append("  - \(link.title): \(link.url)") }
            }
            for caution in plan.cautions {
                let prefix = caution.kind == .recommendation ? "Against Stripe's recommendation: " : ""
                lines.append("- **\(prefix)\(caution.title)**. \(caution.text)")
                for link in caution.links { lines.append("  - \(link.title): \(link.url)") }
            }
            lines.append("")
        }

        lines.append("## Creating a connected account")
        lines.append("")
        for configuration in plan.configuration {
            lines.append("Accounts \(configuration.api.rawValue), `\(configuration.method) \(configuration.endpoint)`, "
                + "with the header `Stripe-Version: \(plan.apiVersion)`:")
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
            if let variant = onBehalfOfLine(configuration) {
                lines.append("")
                lines.append("\(self.configuration.onBehalfOf.text) The request then also sends `\(variant.dropFirst("with on_behalf_of, also: ".count))`.")
            }
            lines.append("")
        }

        lines.append(quickstartSection(plan: plan, heading: "##", forAssistant: true).trimmingTrailingNewline())
        lines.append("")
        lines.append("## What I would like from you")
        lines.append("")
        lines.append("""
            1. Walk me through the integration steps above in order. For each step, show the \
            server-side code and API calls it needs, the webhook events to handle, and what \
            to test before going live. Ask me which language and framework I use if it matters.
            """)
        lines.append("""
            2. Point out what these choices commit my platform to (look at the cautions above), \
            and anything I should decide before I start. Tell me whether I should build on \
            Accounts v1 or Accounts v2.
            """)
        lines.append("""
            3. Keep to Stripe's documentation, starting from the links above. If you are not \
            sure an endpoint, parameter or API version exists, say so rather than guess.
            """)
        lines.append("""
            4. Never ask for my secret API key. In examples, read it from the \
            STRIPE_SECRET_KEY environment variable.
            """)
        lines.append("")
        lines.append("This selection on Stripe's interactive guide: \(plan.url)")
        lines.append("")
        lines.append("(Brief written by connect-guide, content version \(plan.contentVersion).)")
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
