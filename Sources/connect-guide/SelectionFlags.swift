import ConnectGuideCore
import ConnectGuideStorage
import ConnectGuidePlatform

/// The SELECTION flags as given, before anything checks them: what
/// the argument parser and `CommonCommandLine` both read a command line into, so both
/// ways run the same code from here on.
struct SelectionFlags: Hashable, Sendable {
    var stripeVersion: String?
    var onboarding: String?
    var dashboard: String?
    var chargeType: String?
    var fees: String?
    var liability: String?
    var preset: String?
    var fromURL: String?
    /// --resume on a headless command: the saved selection is the base the other flags
    /// apply over. (The interactive sessions read theirs through `SessionStart`.)
    var resume = false

    /// The guide with the rules of the version asked for; the bundled one (the newest)
    /// without. A note about the version goes to `notify`, or to stderr without one.
    func guide(_ guide: Guide, notify: ((StartNotice) -> Void)? = nil) throws -> Guide {
        guard let stripeVersion else { return guide }
        let version: StripeAPIVersion
        switch guide.resolveAPIVersion(stripeVersion) {
        case .success(let resolved): version = resolved
        case .failure(let problem):
            let given = UntrustedText.quoted(stripeVersion)
            var lines: [String]
            switch problem {
            case .malformed:
                lines = [
                    "--stripe-version: \(given) is not a Stripe API version; write YYYY-MM-DD or YYYY-MM-DD.name, for example \(guide.newestAPIVersion)"
                ]
            case .wrongName(let known):
                lines = ["--stripe-version: \(given) is no Stripe API version: the release of \(known.date) is \(known)"]
            case .unknown(let nearest):
                lines = [
                    "--stripe-version: \(given) is no Stripe API version the guide knows; the nearest are "
                        + nearest.map(\.description).joined(separator: " and ")
                ]
            case .tooOld(let oldest):
                lines = ["--stripe-version: \(given) is older than the oldest Stripe API version the guide knows, \(oldest)"]
            case .tooNew(let newest):
                lines = ["--stripe-version: \(given) is newer than the newest Stripe API version the guide knows, \(newest)"]
            }
            lines.append("Rule changes this guide knows (connect-guide options lists every known version):")
            lines += guide.apiVersionChanges.map { "  \($0.version): \($0.change)" }
            throw CLIError.usage(lines.joined(separator: "\n"))
        }
        if version.isPreview {
            let notice = StartNotice.previewVersion(version, rulesFrom: guide.releaseBefore(preview: version))
            if let notify { notify(notice) } else { printNotice(notice, in: guide) }
        }
        return guide.at(version)
    }

    /// What the user asked for. Flags and the values a URL gives are explicit choices the
    /// rules must keep; a flag overrides the URL's value for the same property.
    /// Parameters of the URL the guide does not know are left out and told to `notify`.
    func request(in guide: Guide, notify: (StartNotice) -> Void) throws -> (flags: PartialSelection, url: PartialSelection) {
        var url = PartialSelection()
        if let fromURL {
            do {
                let imported = try guide.selection(fromURL: fromURL)
                if !imported.ignoredKeys.isEmpty { notify(.ignoredURLParameters(imported.ignoredKeys)) }
                url = imported.selection
            } catch {
                throw CLIError.usage("--from-url: \(guide.message(for: error))")
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
                let names = property.options.flatMap { [$0.cliValue] + $0.aliases }
                let meant = suggestion(for: value, among: names).map { " (did you mean \($0)?)" } ?? ""
                throw CLIError.usage("--\(property.cliFlag): \(UntrustedText.quoted(value)) is not a choice\(meant); valid values: \(valid)")
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
            completed = try completion(in: guide) { printNotice($0, in: guide, prefix: prefix) }
        } catch let error as CLIError {
            throw CLIError(message: prefix + error.message, code: error.code)
        }
        if impliedOnStderr {
            for move in completed.implied { printNotice(.implied(move), in: guide, prefix: prefix) }
        }
        return PlanReport(plan: guide.plan(for: completed.selection), implied: completed.implied)
    }

    /// The complete, valid selection, or a usage error naming the rules in the way. `base`
    /// (a saved selection) gives way to the rules; the URL's values and the flags do not.
    func completion(in guide: Guide, over base: PartialSelection = PartialSelection(), notify: (StartNotice) -> Void) throws -> Completion {
        let request = try request(in: guide, notify: notify)
        return try complete(request, in: guide, over: resume ? savedSelection(in: guide).merging(base) : base)
    }

    /// The selection the guide or --plain saved last, for --resume on a headless command.
    /// A script asked for that plan: without one there is no answer, so it is an error
    /// (the interactive sessions start from the defaults instead). Read only: a headless
    /// command never moves the file aside.
    func savedSelection(in guide: Guide) throws -> PartialSelection {
        guard let store = SelectionStore(environment: processEnvironment()) else {
            throw CLIError.usage("--resume: cannot find a saved selection: neither XDG_STATE_HOME nor HOME is set")
        }
        switch store.load(in: guide) {
        case .success(let saved?):
            return PartialSelection(saved)
        case .success(nil):
            throw CLIError.usage(
                "--resume: nothing is saved yet in \(store.path); the guide and --plain save the selection as you choose")
        case .failure(let error):
            throw CLIError.usage("--resume: \(error)")
        }
    }

    /// Completes a request read by `request(in:notify:)`.
    func complete(
        _ request: (flags: PartialSelection, url: PartialSelection), in guide: Guide, over base: PartialSelection = PartialSelection()
    ) throws -> Completion {
        // A preset is a starting point, like a saved selection, that the explicit choices
        // and the rules may change.
        var base = base
        if let preset {
            guard let found = guide.preset(preset) else {
                throw CLIError.usage(
                    "--preset: \(UntrustedText.quoted(preset)) is not a preset; valid values: \(guide.presets.map(\.id).joined(separator: ", "))")
            }
            base = base.merging(PartialSelection(found.selection))
        }
        switch guide.complete(request.url.merging(request.flags), over: base) {
        case .success(let completion): return completion
        case .failure(let contradiction):
            let fromURL = request.url.chosenProperties.subtracting(request.flags.chosenProperties)
            throw CLIError.usage(describe(contradiction, in: guide, fromURL: fromURL))
        }
    }
}

/// A notice on stderr, as the headless commands and --plain tell them; `prefix` names
/// the selection where a command takes two ("selection A: ").
func printNotice(_ notice: StartNotice, in guide: Guide, prefix: String = "") {
    printError(prefix + notice.text(in: guide))
}

func flag(_ property: PropertyID, _ option: OptionID, in guide: Guide) -> String {
    let spec = guide.property(property)
    return "--\(spec.cliFlag) \(spec.option(option)?.cliValue ?? option.rawValue)"
}

/// `fromURL` names the choices that came from --from-url rather than from a flag.
func describe(_ contradiction: Contradiction, in guide: Guide, fromURL: PropertySet = []) -> String {
    let chosen = PropertyID.allCases.compactMap { id in
        contradiction.chosen[id].map { flag(id, $0, in: guide) + (fromURL.contains(id) ? " (from the URL)" : "") }
    }
    var lines = ["these choices cannot be combined under Stripe API version \(guide.apiVersion): \(chosen.joined(separator: ", "))"]
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
