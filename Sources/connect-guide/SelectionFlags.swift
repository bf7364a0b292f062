import ConnectGuideDocuments
import ConnectGuideText
import ConnectGuideCore
import ConnectGuideStorage
import ConnectGuidePlatform

/// The SELECTION flags as given, before anything checks them: what
/// the argument parser and `CommonCommandLine` both read a command line into, so both
/// ways run the same code from here on.
struct SelectionFlags: Hashable, Sendable {
    var stripeVersion: String?
    /// The value given for each property, in page order (`propertyFlagNames`); nil: not given.
    var properties: [String?] = propertyFlagNames.map { _ in nil }
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
            let text = guide.text.cli
            var lines: [String]
            switch problem {
            case .malformed:
                lines = [text.versionMalformed(given: given, example: guide.newestAPIVersion.description)]
            case .wrongName(let known):
                lines = [text.versionWrongName(given: given, date: "\(known.date)", known: known.description)]
            case .unknown(let nearest):
                lines = [text.versionUnknown(given: given, nearest: guide.text.list(nearest.map(\.description)))]
            case .tooOld(let oldest):
                lines = [text.versionTooOld(given: given, oldest: oldest.description)]
            case .tooNew(let newest):
                lines = [text.versionTooNew(given: given, newest: newest.description)]
            }
            lines.append(text.versionChangesHeading)
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
        for (id, value) in zip(guide.propertyIDs, properties) {
            guard let value else { continue }
            let property = guide.property(id)
            guard let option = property.option(named: value) else {
                let valid = property.options.map(\.cliValue).joined(separator: ", ")
                let names = property.options.flatMap { [$0.cliValue] + $0.aliases }
                let given = UntrustedText.quoted(value), text = guide.text.cli
                throw CLIError.usage(
                    suggestion(for: value, among: names).map { text.notAChoiceSuggesting(flag: property.cliFlag, value: given, suggestion: $0, valid: valid) }
                        ?? text.notAChoice(flag: property.cliFlag, value: given, valid: valid))
            }
            flags[id] = option.id
        }
        return (flags, url)
    }

    /// The plan for the selection. What the rules implied goes to stderr, unless the
    /// document carries it itself (JSON's "implied" field).
    /// `label` names the selection in every message where a command takes two ("A", "B").
    func report(in guide: Guide, impliedOnStderr: Bool, label: String? = nil) throws -> PlanReport {
        let completed: Completion
        do {
            completed = try completion(in: guide) { printNotice($0, in: guide, label: label) }
        } catch let error as CLIError {
            throw CLIError(message: label.map { guide.text.cli.selectionLabel(label: $0, message: error.message) } ?? error.message, code: error.code)
        }
        if impliedOnStderr {
            for move in completed.implied { printNotice(.implied(move), in: guide, label: label) }
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
        guard let store = SelectionStore(environment: runEnvironment) else {
            throw CLIError.usage(guide.text.cli.resumeNoLocation)
        }
        switch store.load(in: guide) {
        case .success(let saved?):
            return PartialSelection(saved)
        case .success(nil):
            throw CLIError.usage(guide.text.cli.resumeNothingSaved(path: store.path))
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
                throw CLIError.usage(guide.text.cli.notAPreset(value: UntrustedText.quoted(preset), valid: guide.presets.map(\.id).joined(separator: ", ")))
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

/// A notice on stderr, as the headless commands and --plain tell them; `label` names
/// the selection where a command takes two ("selection A: ...").
func printNotice(_ notice: StartNotice, in guide: Guide, label: String? = nil) {
    let text = notice.text(in: guide)
    printError(label.map { guide.text.cli.selectionLabel(label: $0, message: text) } ?? text)
}

func flag(_ property: PropertyID, _ option: OptionID, in guide: Guide) -> String {
    let spec = guide.property(property)
    return "--\(spec.cliFlag) \(spec.option(option)?.cliValue ?? option.rawValue)"
}

/// `fromURL` names the choices that came from --from-url rather than from a flag.
func describe(_ contradiction: Contradiction, in guide: Guide, fromURL: PropertySet = []) -> String {
    let chosen = guide.propertyIDs.compactMap { id in
        contradiction.chosen[id].map { fromURL.contains(id) ? guide.text.cli.fromTheURL(flag: flag(id, $0, in: guide)) : flag(id, $0, in: guide) }
    }
    var lines = [guide.text.cli.cannotCombine(version: guide.apiVersion.description, choices: chosen.joined(separator: ", "))]
    for id in contradiction.rules {
        if let rule = guide.rule(id) { lines.append("  \(rule.id): " + guide.sentence(rule.summary)) }
    }
    lines.append(guide.text.cli.nearestValidChoices)
    for alternative in contradiction.alternatives.prefix(4) {
        let flags = guide.propertyIDs.compactMap { id -> String? in
            guard contradiction.chosen[id] != nil else { return nil }
            return flag(id, alternative.selection[id], in: guide)
        }
        lines.append("  " + flags.joined(separator: " "))
    }
    return lines.joined(separator: "\n")
}
