/// Where a plain session is: the question on screen (or the presets, or the review),
/// and the guide's state. Changed only by `PlainSession.step`.
public struct PlainState: Hashable, Sendable {
    public enum Stage: Hashable, Sendable {
        /// The common setups, offered before the first question when there are any.
        case presets
        /// A question, by its property's index in page order.
        case question(Int)
        /// The choices listed, to change one or print the plan.
        case review
        /// Over: the plan is printed from `guideState`.
        case finished
    }

    public internal(set) var stage: Stage
    public internal(set) var guideState: GuideState
    /// A question asked from the review goes straight back to it when answered.
    var reviewing = false
}

/// What the session reads: a line, or the end of input.
public enum PlainInput: Hashable, Sendable {
    case line(String)
    case endOfInput
}

/// What the runtime does for the session, in order.
public enum PlainEffect: Hashable, Sendable {
    /// Text for the user (stderr), as it is: questions, answers echoed, notices.
    case write(String)
    /// The answer changed the selection: keep it for --resume.
    case save(Selection)
    /// The session is over; its final state gives the plan.
    case finish(GuideState)
    /// The session is over, and the user asked for the plan's API calls as code.
    case finishWithCode(GuideState)
    /// `q`: the user left without a plan; nothing is printed.
    case quit
}

/// The accessible line-by-line guide (`connect-guide --plain`): one numbered question per
/// property in page order, answered by number or name, with the same rules and notices as
/// the full-screen guide. Plain text only, one line at a time, no cursor movement or
/// colour, so it works with screen readers and through pipes.
///
/// A reducer: `start(from:)` and `step(_:_:)` are pure, and return what to write and save
/// as effects, so the session runs the same against a terminal, a pipe or a test.
public struct PlainSession: Sendable {
    public let guide: Guide
    /// Repeat each answer after reading it. For input that is not a terminal, where
    /// nothing echoes the answer, so the transcript still reads question, answer, result.
    public let echoAnswers: Bool

    public init(guide: Guide, echoAnswers: Bool = false) {
        self.guide = guide
        self.echoAnswers = echoAnswers
    }

    /// The effects of one step, in order; adjacent writes are joined.
    struct Effects {
        private(set) var list: [PlainEffect] = []

        mutating func write(_ text: String) {
            if case .write(let earlier)? = list.last {
                list[list.count - 1] = .write(earlier + text)
            } else {
                list.append(.write(text))
            }
        }

        mutating func append(_ effect: PlainEffect) { list.append(effect) }
    }

    /// The session from `state`: the introduction, what the rules changed in the starting
    /// selection, then the presets (when there are any and `offeringPresets`) or the first
    /// question. A session started from flags is not offered presets, whose answer would
    /// replace them.
    public func start(from state: GuideState, offeringPresets: Bool = true) -> (state: PlainState, effects: [PlainEffect]) {
        var effects = Effects()
        effects.write("""
            \(guide.title), one question at a time. Answer with the number or the name of an \
            option; press Enter to keep the current choice, b to go back a question, ? to hear \
            more about the options, q to quit without a plan.\n
            """)
        if let change = state.lastChange, !change.moved.isEmpty {
            effects.write("The starting selection broke a rule, so it was adjusted:\n")
            for move in change.moved { effects.write("  \(guide.describe(move)).\n") }
        }
        var plain = PlainState(stage: .finished, guideState: state)
        enter(guide.presets.isEmpty || !offeringPresets ? .question(0) : .presets, &plain, &effects)
        return (plain, effects.list)
    }

    /// What one line of input, or the end of input, does: the answer read, the selection
    /// changed (and saved), the next question asked. `b` goes back one question and `?`
    /// explains the options; the end of input keeps the choices made so far.
    public func step(_ state: PlainState, _ input: PlainInput) -> (state: PlainState, effects: [PlainEffect]) {
        var state = state
        var effects = Effects()
        guard state.stage != .finished else { return (state, []) }
        guard case .line(let line) = input else {
            if state.stage != .review { effects.write("\nEnd of input: keeping the current choices.\n") }
            enter(.finished, &state, &effects)
            return (state, effects.list)
        }
        // Escaped and cut as any untrusted text in a message: an escape sequence in the
        // input (a title, a clipboard write, a cursor move) must not reach the terminal.
        if echoAnswers { effects.write(UntrustedText.escaped(line) + "\n") }
        let text = line.trimmingWhitespace()
        if text == "q" {
            effects.write("Quit without a plan.\n")
            state.stage = .finished
            effects.append(.quit)
            return (state, effects.list)
        }
        switch state.stage {
        case .presets:
            answerPresets(text, &state, &effects)
        case .question(let index):
            answerQuestion(index, line, &state, &effects)
        case .review:
            answerReview(text, &state, &effects)
        case .finished:
            break
        }
        return (state, effects.list)
    }

    /// Drives the reducer with a line source and a text sink, and returns the final state:
    /// the session as a function, for tests and simple callers. `selectionChanged` hears
    /// each save.
    public func run(
        from state: GuideState,
        readLine: () -> String?,
        write: (String) -> Void,
        selectionChanged: (Selection) -> Void = { _ in }
    ) -> GuideState {
        var (plain, effects) = start(from: state)
        while true {
            for effect in effects {
                switch effect {
                case .write(let text): write(text)
                case .save(let selection): selectionChanged(selection)
                case .finish(let final), .finishWithCode(let final): return final
                case .quit: return plain.guideState
                }
            }
            (plain, effects) = step(plain, readLine().map(PlainInput.line) ?? .endOfInput)
        }
    }

    // MARK: Stages

    /// Moves to `stage` and asks its question: the presets listed, a question with its
    /// options, or the review of every choice. Finishing asks nothing.
    func enter(_ stage: PlainState.Stage, _ state: inout PlainState, _ effects: inout Effects) {
        state.stage = stage
        let count = guide.properties.count
        switch stage {
        case .presets:
            effects.write("\nStart from a common setup? Each comes from Stripe's docs (? lists the pages).\n")
            for (index, preset) in guide.presets.enumerated() {
                effects.write("  \(index + 1). \(preset.label) (\(preset.id)). \(preset.fits.asSentence())\n")
            }
        case .question(let index):
            let property = guide.properties[index]
            effects.write("\nQuestion \(index + 1) of \(count): \(property.label) (\(property.section.heading))\n")
            for line in optionLines(for: property, in: state.guideState) { effects.write(line + "\n") }
        case .review:
            effects.write("\nYour choices:\n")
            let selection = state.guideState.selection
            for (index, property) in guide.properties.enumerated() {
                var line = "  \(index + 1). \(property.label): \(guide.optionLabel(property.id, selection))"
                let breached = guide.breachedRecommendations(of: selection).filter { $0.properties.contains(property.id) }
                if !breached.isEmpty { line += " (not recommended with the others: see the cautions)" }
                effects.write(line + "\n")
            }
        case .finished:
            effects.append(.finish(state.guideState))
            return
        }
        prompt(state, &effects)
    }

    /// The line that waits for an answer, asked again after an answer that did not count.
    func prompt(_ state: PlainState, _ effects: inout Effects) {
        switch state.stage {
        case .presets:
            effects.write("Setup, 1 to \(guide.presets.count), Enter to answer the questions from the current choices: ")
        case .question(let index):
            effects.write(promptLine(for: guide.properties[index], in: state.guideState))
        case .review:
            effects.write("Change 1 to \(guide.properties.count), b to go back, c for the plan's API calls as code (Python), or press Enter to print the plan: ")
        case .finished:
            break
        }
    }

    /// Enter answers the questions from the current choices; a number or id loads a preset.
    func answerPresets(_ text: Substring, _ state: inout PlainState, _ effects: inout Effects) {
        if text.isEmpty {
            enter(.question(0), &state, &effects)
            return
        }
        if text == "?" {
            for (index, preset) in guide.presets.enumerated() {
                let sources = preset.sources.map(\.url).joined(separator: ", ")
                effects.write("  \(index + 1). \(preset.label): \(sources)\n")
            }
            prompt(state, &effects)
            return
        }
        guard let preset = preset(named: String(text)) else {
            effects.write("\(UntrustedText.quoted(text)) is not one of the setups. Type a number from 1 to \(guide.presets.count), or press Enter to skip.\n")
            prompt(state, &effects)
            return
        }
        let before = state.guideState.selection
        state.guideState = guide.reduce(state.guideState, .load(preset.selection))
        effects.write("Starting from \(preset.label): \(summary(of: state.guideState.selection)).\n")
        saveIfChanged(from: before, state, &effects)
        enter(.question(0), &state, &effects)
    }

    func answerQuestion(_ index: Int, _ line: String, _ state: inout PlainState, _ effects: inout Effects) {
        let property = guide.properties[index]
        switch line.trimmingWhitespace() {
        case "b":
            if index > 0 {
                state.reviewing = false
                enter(.question(index - 1), &state, &effects)
            } else if !guide.presets.isEmpty {
                state.reviewing = false
                enter(.presets, &state, &effects)
            } else {
                effects.write("This is the first question.\n")
                prompt(state, &effects)
            }
            return
        case "?":
            for line in explanation(of: property) { effects.write(line + "\n") }
            prompt(state, &effects)
            return
        default:
            break
        }
        switch answer(line, for: property, in: state.guideState) {
        case .keep:
            effects.write("Kept \(guide.optionLabel(property.id, state.guideState.selection)).\n")
        case .choose(let option):
            let before = state.guideState.selection
            state.guideState = guide.reduce(state.guideState, .choose(property.id, option))
            let selection = state.guideState.selection
            if selection[property.id] == before[property.id] {
                effects.write("Kept \(guide.optionLabel(property.id, selection)).\n")
            } else {
                effects.write("\(property.label) is now \(guide.optionLabel(property.id, selection)).\n")
            }
            // The moves one rule made are one sentence, so its reason is read once.
            var groups: [(reason: String?, destinations: [String])] = []
            for move in state.guideState.lastChange?.moved ?? [] {
                let reason = guide.primaryReason(of: move)
                if let index = groups.firstIndex(where: { $0.reason == reason }) {
                    groups[index].destinations.append(guide.destination(of: move))
                } else {
                    groups.append((reason, [guide.destination(of: move)]))
                }
            }
            for group in groups {
                effects.write("This also changes \(listed(group.destinations))\(group.reason.map { " (\($0))" } ?? "").\n")
            }
            saveIfChanged(from: before, state, &effects)
        case .invalid(let message):
            effects.write(message + "\n")
            prompt(state, &effects)
            return
        }
        let last = index + 1 == guide.properties.count
        enter(state.reviewing || last ? .review : .question(index + 1), &state, &effects)
    }

    /// Enter prints the plan, b goes back to the last question, a number changes that answer.
    func answerReview(_ text: Substring, _ state: inout PlainState, _ effects: inout Effects) {
        let count = guide.properties.count
        if text.isEmpty {
            enter(.finished, &state, &effects)
        } else if text == "c" {
            state.stage = .finished
            effects.append(.finishWithCode(state.guideState))
        } else if text == "b" {
            enter(.question(count - 1), &state, &effects)
        } else if let number = Int(text), (1...count).contains(number) {
            state.reviewing = true
            enter(.question(number - 1), &state, &effects)
        } else {
            effects.write("\(UntrustedText.quoted(text)) is not one of the answers. Type a number from 1 to \(count), or press Enter to print the plan.\n")
            // The whole review again, so the choices are in front of the user.
            enter(.review, &state, &effects)
        }
    }

    func saveIfChanged(from before: Selection, _ state: PlainState, _ effects: inout Effects) {
        if state.guideState.selection != before { effects.append(.save(state.guideState.selection)) }
    }

    /// A preset by its number in the list, its id or its name.
    func preset(named text: String) -> Preset? {
        if let number = Int(text), guide.presets.indices.contains(number - 1) { return guide.presets[number - 1] }
        return guide.preset(text) ?? guide.presets.first { $0.label.lowercased() == text.lowercased() }
    }

    /// "Stripe-hosted, Stripe Dashboard, ...": a selection in one line.
    func summary(of selection: Selection) -> String {
        selection.properties.map { guide.optionLabel($0, selection) }.joined(separator: ", ")
    }

    /// What `?` reads out: the section's intro, then each option in full.
    func explanation(of property: Property) -> [String] {
        var lines = [property.section.intro]
        for (index, option) in property.options.enumerated() {
            lines.append("\(index + 1). \(option.label): \(option.intro)")
            if let recommendation = option.recommendation { lines.append("   Stripe's recommendation: \(recommendation)") }
            if !option.bestFor.isEmpty { lines.append("   Best for: " + option.bestFor.map { $0.asSentence() }.joined(separator: " ")) }
            // Under a heading of their own, as the full-screen guide shows them: read
            // straight after "Best for", they sounded like more of it.
            if !option.notes.isEmpty { lines.append("   Keep in mind: " + option.notes.map { $0.asSentence() }.joined(separator: " ")) }
        }
        return lines
    }

    enum Answer: Equatable {
        case keep
        case choose(OptionID)
        case invalid(String)
    }

    /// Reads an answer: empty keeps, a number picks by position, anything else must name
    /// an option (CLI value, alias, URL value or id).
    func answer(_ line: String, for property: Property, in state: GuideState) -> Answer {
        let text = line.trimmingWhitespace()
        if text.isEmpty { return .keep }
        if let number = Int(text), property.options.indices.contains(number - 1) {
            return .choose(property.options[number - 1].id)
        }
        if let option = property.option(named: String(text)) { return .choose(option.id) }
        let names = property.options.map(\.cliValue).joined(separator: ", ")
        return .invalid("""
            \(UntrustedText.quoted(text)) is not one of the answers. Type a number from 1 to \(property.options.count), \
            or one of: \(names); or press Enter to keep \(guide.optionLabel(property.id, state.selection)).
            """)
    }

    func optionLines(for property: Property, in state: GuideState) -> [String] {
        property.options.enumerated().map { index, option in
            var line = "  \(index + 1). \(option.label) (\(option.cliValue))"
            if option.id == state.selection[property.id] { line += ", current choice" }
            line += ". " + option.summary.asSentence()
            let (moves, breached) = guide.consequences(ofChoosing: option.id, for: property.id, in: state)
            if !moves.isEmpty {
                line += " Choosing it also sets " + moves.map(guide.destination).joined(separator: ", ") + "."
            }
            for rule in breached {
                line += " Not recommended with your other choices: \(rule.reason)"
            }
            return line
        }
    }

    func promptLine(for property: Property, in state: GuideState) -> String {
        "\(property.label), 1 to \(property.options.count), Enter keeps \(guide.optionLabel(property.id, state.selection)), b back, ? more: "
    }
}

/// The session's text wrapped to `width` columns, for a terminal narrower than its
/// lines: each whole line is wrapped at spaces, its continuation lines indented under
/// its text (after a list number: "  3. API (api). …"). The unfinished last line (a
/// question waiting for its answer) is left as it is.
public func wrappedForWidth(_ text: String, width: Int) -> String {
    guard width >= 20 else { return text }
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let last = lines.removeLast()
    var out: [String] = []
    for line in lines {
        guard line.count > width else {
            out.append(String(line))
            continue
        }
        // The hanging indent: leading spaces, then a list number ("12. ") if there is one.
        var indent = line.prefix { $0 == " " }.count
        let rest = line.dropFirst(indent)
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, rest.dropFirst(digits.count).hasPrefix(". ") { indent += digits.count + 2 }
        let pad = String(repeating: " ", count: indent)
        let wrapped = wrap(String(line.dropFirst(indent)), width: width - indent)
        out += wrapped.enumerated().map { index, piece in (index == 0 ? String(line.prefix(indent)) : pad) + piece }
    }
    out.append(String(last))
    return out.joined(separator: "\n")
}
