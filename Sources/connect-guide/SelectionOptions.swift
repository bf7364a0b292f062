import ArgumentParser
import ConnectGuideCore

/// The SELECTION flags shared by every command (app.md section 2).
struct SelectionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("How accounts onboard.", valueName: values(.onboarding)), completion: .list(values(.onboarding, aliases: true)))
    var onboarding: String?

    @Option(help: ArgumentHelp("Which dashboard accounts get.", valueName: values(.dashboard)), completion: .list(values(.dashboard, aliases: true)))
    var dashboard: String?

    @Option(
        name: .customLong("charge-type"), help: ArgumentHelp("How charges are made.", valueName: values(.chargeType)),
        completion: .list(values(.chargeType, aliases: true)))
    var chargeType: String?

    @Option(help: ArgumentHelp("Who pays Stripe's fees.", valueName: values(.fees)), completion: .list(values(.fees, aliases: true)))
    var fees: String?

    @Option(help: ArgumentHelp("Who covers negative balances.", valueName: values(.liability)), completion: .list(values(.liability, aliases: true)))
    var liability: String?

    @Option(name: .customLong("from-url"), help: ArgumentHelp(
        "Start from a docs page URL (https://docs.stripe.com/connect/design-an-integration?...); flags override it.",
        valueName: "url"))
    var fromURL: String?

    /// What the user asked for. Flags are explicit choices the rules must keep; a URL's
    /// values are a starting point that the flags, and then the rules, may change.
    func request(in guide: Guide, warn: (String) -> Void) throws -> (flags: PartialSelection, url: PartialSelection) {
        var url = PartialSelection()
        if let fromURL {
            do {
                let imported = try guide.selection(fromURL: fromURL)
                for key in imported.ignoredKeys {
                    warn("warning: ignored the URL parameter \(UntrustedText.quoted(key)): it is not one of the guide's")
                }
                url = imported.selection
            } catch {
                throw CLIError.usage("--from-url: \(error)")
            }
        }
        var flags = PartialSelection()
        let values: [(PropertyID, String?)] = [
            (.onboarding, onboarding), (.dashboard, dashboard), (.chargeType, chargeType), (.fees, fees), (.liability, liability),
        ]
        for (id, value) in values {
            guard let value else { continue }
            let property = guide.property(id)
            guard let option = property.option(named: value) else {
                let valid = property.options.map(\.cliValue).joined(separator: ", ")
                throw CLIError.usage("--\(property.cliFlag): \(UntrustedText.quoted(value)) is not a choice; valid values: \(valid)")
            }
            flags[id] = option.id
        }
        return (flags, url)
    }

    /// The plan for the selection. What the rules implied goes to stderr, unless the
    /// document carries it itself (JSON's "implied" field).
    /// `label` names the selection in every message where a command takes two ("A", "B").
    func report(in guide: Guide, impliedOnStderr: Bool, label: String? = nil) throws -> PlanReport {
        let prefix = label.map { "selection \($0): " } ?? ""
        let completed: Completion
        do {
            completed = try completion(in: guide) { printError(prefix + $0) }
        } catch let error as CLIError {
            throw CLIError(message: prefix + error.message, code: error.code)
        }
        if impliedOnStderr {
            for move in completed.implied { printError("\(prefix)note: \(guide.describe(move))") }
        }
        return PlanReport(plan: guide.plan(for: completed.selection), implied: completed.implied)
    }

    /// The complete, valid selection, or a usage error naming the rules in the way. `base`
    /// (a saved selection) gives way to the URL, which gives way to the flags.
    func completion(in guide: Guide, over base: PartialSelection = PartialSelection(), warn: (String) -> Void) throws -> Completion {
        let request = try request(in: guide, warn: warn)
        switch guide.complete(request.flags, over: base.merging(request.url)) {
        case .success(let completion): return completion
        case .failure(let contradiction): throw CLIError.usage(describe(contradiction, in: guide))
        }
    }
}

/// A property's CLI values, as the value name in --help ("hosted|embedded|api").
private func values(_ property: PropertyID) -> String {
    guard case .success(let guide) = bundledGuide else { return "value" }
    return guide.property(property).options.map(\.cliValue).joined(separator: "|")
}

/// What shell completion offers for a property's flag: the CLI values, then the aliases.
private func values(_ property: PropertyID, aliases: Bool) -> [String] {
    guard case .success(let guide) = bundledGuide else { return [] }
    let options = guide.property(property).options
    return options.map(\.cliValue) + (aliases ? options.flatMap(\.aliases) : [])
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
