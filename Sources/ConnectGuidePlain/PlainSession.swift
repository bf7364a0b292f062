import ConnectGuideCore
import ConnectGuideDocuments
import ConnectGuideText

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
    /// The words of the questions, answers and notices: the guide's language.
    var text: UIText { guide.text }
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
        effects.write(text.plain.intro(title: guide.title) + "\n")
        if let change = state.lastChange, !change.moved.isEmpty {
            effects.write(text.plain.startAdjusted + "\n")
            for move in change.moved { effects.write("  " + guide.sentence(guide.describe(move)) + "\n") }
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
            if state.stage != .review { effects.write("\n" + text.plain.endOfInput + "\n") }
            enter(.finished, &state, &effects)
            return (state, effects.list)
        }
        // Escaped and cut as any untrusted text in a message: an escape sequence in the
        // input (a title, a clipboard write, a cursor move) must not reach the terminal.
        if echoAnswers { effects.write(UntrustedText.escaped(line) + "\n") }
        let answer = line.trimmingWhitespace()
        if answer == "q" {
            effects.write(text.plain.quit + "\n")
            state.stage = .finished
            effects.append(.quit)
            return (state, effects.list)
        }
        switch state.stage {
        case .presets:
            answerPresets(answer, &state, &effects)
        case .question(let index):
            answerQuestion(index, line, &state, &effects)
        case .review:
            answerReview(answer, &state, &effects)
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
            effects.write("\n" + text.plain.presetsQuestion + "\n")
            for (index, preset) in guide.presets.enumerated() {
                effects.write("  \(index + 1). " + text.plain.presetItem(preset: preset.label, id: preset.id, fits: guide.sentence(preset.fits)) + "\n")
            }
        case .question(let index):
            let property = guide.properties[index]
            effects.write("\n" + text.plain.question(number: String(index + 1), total: String(count), property: property.label, section: property.section.heading) + "\n")
            for line in optionLines(for: property, in: state.guideState) { effects.write(line + "\n") }
        case .review:
            effects.write("\n" + text.plain.reviewHeading + "\n")
            let selection = state.guideState.selection
            for (index, property) in guide.properties.enumerated() {
                let option = guide.optionLabel(property.id, selection)
                let breached = guide.breachedRecommendations(of: selection).filter { $0.properties.contains(property.id) }
                let item = breached.isEmpty
                    ? text.plain.reviewItem(property: property.label, option: option)
                    : text.plain.reviewItemNotRecommended(property: property.label, option: option)
                effects.write("  \(index + 1). " + item + "\n")
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
            effects.write(text.plain.presetsPrompt(last: String(guide.presets.count)))
        case .question(let index):
            effects.write(promptLine(for: guide.properties[index], in: state.guideState))
        case .review:
            effects.write(text.plain.reviewPrompt(last: String(guide.properties.count)))
        case .finished:
            break
        }
    }

    /// Enter answers the questions from the current choices; a number or id loads a preset.
    func answerPresets(_ answer: Substring, _ state: inout PlainState, _ effects: inout Effects) {
        if answer.isEmpty {
            enter(.question(0), &state, &effects)
            return
        }
        if answer == "?" {
            for (index, preset) in guide.presets.enumerated() {
                let sources = preset.sources.map(\.url).joined(separator: text.common.listSeparator)
                effects.write("  \(index + 1). " + text.plain.presetSources(preset: preset.label, urls: sources) + "\n")
            }
            prompt(state, &effects)
            return
        }
        guard let preset = preset(named: String(answer)) else {
            effects.write(text.plain.notASetup(answer: UntrustedText.quoted(answer), last: String(guide.presets.count)) + "\n")
            prompt(state, &effects)
            return
        }
        let before = state.guideState.selection
        state.guideState = guide.reduce(state.guideState, .load(preset.selection))
        effects.write(text.plain.startingFrom(preset: preset.label, summary: summary(of: state.guideState.selection)) + "\n")
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
                effects.write(text.plain.firstQuestion + "\n")
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
            effects.write(text.plain.kept(option: guide.optionLabel(property.id, state.guideState.selection)) + "\n")
        case .choose(let option):
            let before = state.guideState.selection
            state.guideState = guide.reduce(state.guideState, .choose(property.id, option))
            let selection = state.guideState.selection
            if selection[property.id] == before[property.id] {
                effects.write(text.plain.kept(option: guide.optionLabel(property.id, selection)) + "\n")
            } else {
                effects.write(text.plain.nowSet(property: property.label, option: guide.optionLabel(property.id, selection)) + "\n")
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
                let destinations = text.list(group.destinations)
                effects.write(
                    (group.reason.map { text.plain.alsoChangesBecause(destinations: destinations, reason: $0) }
                        ?? text.plain.alsoChanges(destinations: destinations)) + "\n")
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
    func answerReview(_ answer: Substring, _ state: inout PlainState, _ effects: inout Effects) {
        let count = guide.properties.count
        if answer.isEmpty {
            enter(.finished, &state, &effects)
        } else if answer == "c" {
            state.stage = .finished
            effects.append(.finishWithCode(state.guideState))
        } else if answer == "b" {
            enter(.question(count - 1), &state, &effects)
        } else if let number = Int(answer), (1...count).contains(number) {
            state.reviewing = true
            enter(.question(number - 1), &state, &effects)
        } else {
            effects.write(text.plain.notAReviewAnswer(answer: UntrustedText.quoted(answer), last: String(count)) + "\n")
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
        selection.properties.map { guide.optionLabel($0, selection) }.joined(separator: text.common.listSeparator)
    }

    /// What `?` reads out: the section's intro, then each option in full.
    func explanation(of property: Property) -> [String] {
        var lines = [property.section.intro]
        for (index, option) in property.options.enumerated() {
            lines.append("\(index + 1). " + text.plain.optionExplained(option: option.label, intro: option.intro))
            if let recommendation = option.recommendation { lines.append("   " + text.plain.stripeRecommendation(recommendation: recommendation)) }
            if !option.bestFor.isEmpty { lines.append("   " + text.plain.bestFor(uses: guide.sentences(option.bestFor.map(guide.sentence)))) }
            // Under a heading of their own, as the full-screen guide shows them: read
            // straight after "Best for", they sounded like more of it.
            if !option.notes.isEmpty { lines.append("   " + text.plain.keepInMind(notes: guide.sentences(option.notes.map(guide.sentence)))) }
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
        let answer = line.trimmingWhitespace()
        if answer.isEmpty { return .keep }
        if let number = Int(answer), property.options.indices.contains(number - 1) {
            return .choose(property.options[number - 1].id)
        }
        if let option = property.option(named: String(answer)) { return .choose(option.id) }
        let names = property.options.map(\.cliValue).joined(separator: text.common.listSeparator)
        return .invalid(
            text.plain.notAnAnswer(
                answer: UntrustedText.quoted(answer), last: String(property.options.count), names: names,
                option: guide.optionLabel(property.id, state.selection)))
    }

    func optionLines(for property: Property, in state: GuideState) -> [String] {
        property.options.enumerated().map { index, option in
            let summary = guide.sentence(option.summary)
            var line = "  \(index + 1). "
                + (option.id == state.selection[property.id]
                    ? text.plain.optionItemCurrent(option: option.label, value: option.cliValue, summary: summary)
                    : text.plain.optionItem(option: option.label, value: option.cliValue, summary: summary))
            let (moves, breached) = guide.consequences(ofChoosing: option.id, for: property.id, in: state)
            if !moves.isEmpty {
                line = guide.sentences(line, text.plain.alsoSets(destinations: text.list(moves.map { guide.destination(of: $0) })))
            }
            for rule in breached {
                line = guide.sentences(line, text.plain.notRecommendedWithOthers(reason: rule.reason))
            }
            return line
        }
    }

    func promptLine(for property: Property, in state: GuideState) -> String {
        text.plain.questionPrompt(
            property: property.label, last: String(property.options.count), option: guide.optionLabel(property.id, state.selection))
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
        guard terminalColumns(of: String(line)) > width else {
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
