import ArgumentParser
import ConnectGuideCore

/// The SELECTION flags shared by every command (app.md section 2).
struct SelectionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("How accounts onboard.", valueName: values(.onboarding)))
    var onboarding: String?

    @Option(help: ArgumentHelp("Which dashboard accounts get.", valueName: values(.dashboard)))
    var dashboard: String?

    @Option(name: .customLong("charge-type"), help: ArgumentHelp("How charges are made.", valueName: values(.chargeType)))
    var chargeType: String?

    @Option(help: ArgumentHelp("Who pays Stripe's fees.", valueName: values(.fees)))
    var fees: String?

    @Option(help: ArgumentHelp("Who covers negative balances.", valueName: values(.liability)))
    var liability: String?

    @Option(name: .customLong("from-url"), help: ArgumentHelp(
        "Start from a docs page URL (https://docs.stripe.com/connect/design-an-integration?...); flags override it.",
        valueName: "url"))
    var fromURL: String?

    /// The user's explicit choices: the URL's first, then the flags.
    func partialSelection(in guide: Guide, warn: (String) -> Void) throws -> PartialSelection {
        var partial = PartialSelection()
        if let fromURL {
            do {
                let imported = try guide.selection(fromURL: fromURL)
                for key in imported.ignoredKeys {
                    warn("warning: ignored the URL parameter \"\(key)\": it is not one of the guide's")
                }
                partial = imported.selection
            } catch {
                throw CLIError.usage("--from-url: \(error)")
            }
        }
        let flags: [(PropertyID, String?)] = [
            (.onboarding, onboarding), (.dashboard, dashboard), (.chargeType, chargeType), (.fees, fees), (.liability, liability),
        ]
        for (id, value) in flags {
            guard let value else { continue }
            let property = guide.property(id)
            guard let option = property.option(named: value) else {
                let valid = property.options.map(\.cliValue).joined(separator: ", ")
                throw CLIError.usage("--\(property.cliFlag): \"\(value)\" is not a choice; valid values: \(valid)")
            }
            partial[id] = option.id
        }
        return partial
    }

    /// The plan for the selection. What the rules implied goes to stderr, unless the
    /// document carries it itself (JSON's "implied" field).
    func report(in guide: Guide, impliedOnStderr: Bool) throws -> PlanReport {
        let completion = try completion(in: guide, warn: printError)
        if impliedOnStderr {
            for move in completion.implied { printError("note: \(guide.describe(move))") }
        }
        return PlanReport(plan: guide.plan(for: completion.selection), implied: completion.implied)
    }

    /// The complete, valid selection, or a usage error naming the rules in the way.
    func completion(in guide: Guide, warn: (String) -> Void) throws -> Completion {
        let partial = try partialSelection(in: guide, warn: warn)
        switch guide.complete(partial) {
        case .success(let completion): return completion
        case .failure(let contradiction): throw CLIError.usage(describe(contradiction, in: guide))
        }
    }
}

private func values(_ property: PropertyID) -> String {
    guard case .success(let guide) = bundledGuide else { return "value" }
    return guide.property(property).options.map(\.cliValue).joined(separator: "|")
}

func flag(_ property: PropertyID, _ option: OptionID, in guide: Guide) -> String {
    let spec = guide.property(property)
    return "--\(spec.cliFlag) \(spec.option(option)?.cliValue ?? option.rawValue)"
}

func describe(_ contradiction: Contradiction, in guide: Guide) -> String {
    let chosen = PropertyID.allCases.compactMap { id in contradiction.chosen[id].map { flag(id, $0, in: guide) } }
    var lines = ["these choices cannot be combined: \(chosen.joined(separator: ", "))"]
    for id in contradiction.rules {
        if let rule = guide.rule(id) { lines.append("  \(rule.id): \(rule.summary).") }
    }
    lines.append("nearest valid choices:")
    for alternative in contradiction.alternatives.prefix(4) {
        let flags = PropertyID.allCases.compactMap { id -> String? in
            guard contradiction.chosen[id] != nil else { return nil }
            return flag(id, alternative.selection[id], in: guide)
        }
        lines.append("  " + flags.joined(separator: " "))
    }
    return lines.joined(separator: "\n")
}
