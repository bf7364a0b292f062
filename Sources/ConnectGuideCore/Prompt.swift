extension Guide {
    /// A brief to paste into an LLM assistant: enough context that the assistant needs
    /// nothing else (what Connect is, what was chosen and why, the steps with their links,
    /// the caveats, the account request) and a clear statement of what to do with it.
    /// Markdown, since assistants read it well and people can still read it raw.
    func renderPrompt(_ report: PlanReport) -> String {
        let plan = report.plan
        var lines: [String] = []
        lines.append("# Help me build my Stripe Connect integration")
        lines.append("")
        lines.append("""
            I am building a platform on Stripe Connect, Stripe's product for platforms and \
            marketplaces that take payments on behalf of other businesses or people (their \
            "connected accounts") and pay them out. I used the Connect integration guide to \
            choose how my integration works. Below are my choices, the integration steps they \
            lead to, the caveats, and how each connected account is created.
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
        lines.append("- **Requirement collection** (follows from the choices above): `\(collection.rawValue)`. "
            + (requirementCollectionExplanation[collection] ?? ""))
        if let legacy = plan.legacyType {
            lines.append("- This combination matches Stripe's former **\(legacy)** account type.")
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
            for rule in reasons { lines.append("- \(rule.summary). \(rule.reason)") }
            lines.append("")
        }

        lines.append("## Integration steps")
        lines.append("")
        for step in plan.steps {
            lines.append("\(step.number). **\(step.title)**. \(step.text)")
            for link in step.links { lines.append("   - \(link.label): \(link.url)") }
        }
        lines.append("")

        if !plan.advisories.isEmpty {
            lines.append("## Caveats for this combination")
            lines.append("")
            for advisory in plan.advisories {
                lines.append("- **\(advisory.title)**. \(advisory.text)")
                for link in advisory.links { lines.append("  - \(link.title): \(link.url)") }
            }
            lines.append("")
        }

        lines.append("## Creating a connected account")
        lines.append("")
        for configuration in plan.configuration {
            lines.append("Accounts \(configuration.api.rawValue), `\(configuration.method) \(configuration.endpoint)`:")
            lines.append("")
            switch configuration.api {
            case .v1:
                lines.append("```")
                lines += configuration.parameters.map { "\($0.name)=\($0.value)" }
                lines.append("```")
            case .v2:
                lines.append("```json")
                lines.append(configurationBody(configuration).serialized().trimmingTrailingNewline())
                lines.append("```")
            }
            lines.append("")
        }

        lines.append("## What I would like from you")
        lines.append("")
        lines.append("""
            1. Walk me through the integration steps above in order. For each step, show the \
            server-side code and API calls it needs, the webhook events to handle, and what \
            to test before going live. Ask me which language and framework I use if it matters.
            """)
        lines.append("""
            2. Point out what these choices commit my platform to (look at the caveats above), \
            and anything I should decide before I start.
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
    /// The text ending in a full stop, unless it already ends in punctuation.
    func asSentence() -> String {
        guard let last = last else { return self }
        return ".!?".contains(last) ? self : self + "."
    }

    func trimmingTrailingNewline() -> String {
        hasSuffix("\n") ? String(dropLast()) : self
    }
}
