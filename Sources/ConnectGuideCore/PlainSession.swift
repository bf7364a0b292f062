/// The accessible line-by-line guide (`connect-guide --plain`): one numbered question per
/// property in page order, answered by number or name, with the same rules and notices as
/// the full-screen guide. Plain text only, one line at a time, no cursor movement or
/// colour, so it works with screen readers and through pipes.
///
/// Input and output are passed in (a line source and a text sink), so the session runs
/// the same against a terminal, a pipe or a test.
public struct PlainSession: Sendable {
    public let guide: Guide
    /// Repeat each answer after reading it. For input that is not a terminal, where
    /// nothing echoes the answer, so the transcript still reads question, answer, result.
    public let echoAnswers: Bool

    public init(guide: Guide, echoAnswers: Bool = false) {
        self.guide = guide
        self.echoAnswers = echoAnswers
    }

    /// Offers the presets, asks about each property in turn, starting from `state`, then
    /// shows the choices for review, and returns the final state. `b` goes back one
    /// question and `?` explains the options. `readLine` returns nil at the end of input:
    /// the remaining choices are kept. `selectionChanged` is called after every answer that
    /// changed the selection.
    public func run(
        from state: GuideState,
        readLine: () -> String?,
        write: (String) -> Void,
        selectionChanged: (Selection) -> Void = { _ in }
    ) -> GuideState {
        var state = state
        write("""
            \(guide.title), one question at a time. Answer with the number or the name of an \
            option; press Enter to keep the current choice, b to go back a question, ? to hear \
            more about the options.\n
            """)
        if let change = state.lastChange, !change.moved.isEmpty {
            write("The starting selection broke a rule, so it was adjusted:\n")
            for move in change.moved { write("  \(guide.describe(move)).\n") }
        }
        func read() -> String? {
            let line = readLine()
            if let line, echoAnswers { write(line + "\n") }
            return line
        }
        func changed(from before: Selection) {
            if state.selection != before { selectionChanged(state.selection) }
        }
        // The steps: the presets (when there are any), the five questions, then the review.
        let first = guide.presets.isEmpty ? 0 : -1
        var step = first
        // Questions asked from the review go straight back to it.
        var reviewing = false
        let count = guide.properties.count
        session: while true {
            if step == -1 {
                write("\nStart from a common setup? Each is one Stripe's docs recommend.\n")
                for (index, preset) in guide.presets.enumerated() {
                    write("  \(index + 1). \(preset.label) (\(preset.id)). \(preset.fits.asSentence())\n")
                }
                var chosen: Preset?
                while chosen == nil {
                    write("Setup, 1 to \(guide.presets.count), Enter to answer the questions from the current choices: ")
                    guard let line = read() else {
                        write("\nEnd of input: keeping the current choices.\n")
                        break session
                    }
                    let text = line.trimmingWhitespace()
                    if text.isEmpty { break }
                    chosen = preset(named: String(text))
                    if chosen == nil {
                        write("\"\(text)\" is not one of the setups. Type a number from 1 to \(guide.presets.count), or press Enter to skip.\n")
                    }
                }
                guard let preset = chosen else {
                    step = 0
                    continue
                }
                let before = state.selection
                state = guide.reduce(state, .load(preset.selection))
                write("Starting from \(preset.label): \(summary(of: state.selection)).\n")
                changed(from: before)
                step = 0
                continue
            }
            if step == count {
                write("\nYour choices:\n")
                for (index, property) in guide.properties.enumerated() {
                    var line = "  \(index + 1). \(property.label): \(guide.optionLabel(property.id, state.selection))"
                    let breached = guide.breachedRecommendations(of: state.selection).filter { $0.properties.contains(property.id) }
                    if !breached.isEmpty { line += " (not recommended with the others: see the cautions)" }
                    write(line + "\n")
                }
                write("Change 1 to \(count), b to go back, or press Enter to print the plan: ")
                guard let line = read() else { break session }
                let text = line.trimmingWhitespace()
                if text.isEmpty { break session }
                if text == "b" {
                    step = count - 1
                    continue
                }
                guard let number = Int(text), (1...count).contains(number) else {
                    write("\"\(text)\" is not one of the answers. Type a number from 1 to \(count), or press Enter to print the plan.\n")
                    continue
                }
                step = number - 1
                reviewing = true
                continue
            }
            let property = guide.properties[step]
            write("\nQuestion \(step + 1) of \(count): \(property.label) (\(property.section.heading))\n")
            for line in optionLines(for: property, in: state) { write(line + "\n") }
            while true {
                write(promptLine(for: property, in: state))
                guard let line = read() else {
                    write("\nEnd of input: keeping the current choices.\n")
                    break session
                }
                let trimmed = line.trimmingWhitespace()
                if trimmed == "b" {
                    if step == first {
                        write("This is the first question.\n")
                        continue
                    }
                    step -= 1
                    reviewing = false
                    continue session
                }
                if trimmed == "?" {
                    for line in explanation(of: property) { write(line + "\n") }
                    continue
                }
                switch answer(line, for: property, in: state) {
                case .keep:
                    write("Kept \(guide.optionLabel(property.id, state.selection)).\n")
                case .choose(let option):
                    let before = state.selection
                    state = guide.reduce(state, .choose(property.id, option))
                    if state.selection[property.id] == before[property.id] {
                        write("Kept \(guide.optionLabel(property.id, state.selection)).\n")
                    } else {
                        write("\(property.label) is now \(guide.optionLabel(property.id, state.selection)).\n")
                    }
                    for move in state.lastChange?.moved ?? [] {
                        write("This also changes \(change(move)).\n")
                    }
                    changed(from: before)
                case .invalid(let message):
                    write(message + "\n")
                    continue
                }
                step = reviewing ? count : step + 1
                continue session
            }
        }
        return state
    }

    /// A preset by its number in the list or its id.
    func preset(named text: String) -> Preset? {
        if let number = Int(text), guide.presets.indices.contains(number - 1) { return guide.presets[number - 1] }
        return guide.preset(text)
    }

    /// "Stripe-hosted, Stripe Dashboard, ...": a selection in one line.
    func summary(of selection: Selection) -> String {
        PropertyID.allCases.map { guide.optionLabel($0, selection) }.joined(separator: ", ")
    }

    /// What `?` reads out: the section's intro, then each option in full.
    func explanation(of property: Property) -> [String] {
        var lines = [property.section.intro]
        for (index, option) in property.options.enumerated() {
            lines.append("\(index + 1). \(option.label): \(option.intro)")
            if let recommendation = option.recommendation { lines.append("   Stripe's recommendation: \(recommendation)") }
            if !option.bestFor.isEmpty { lines.append("   Best for: " + option.bestFor.map { $0.asSentence() }.joined(separator: " ")) }
            for note in option.notes { lines.append("   " + note) }
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
            "\(text)" is not one of the answers. Type a number from 1 to \(property.options.count), \
            or one of: \(names); or press Enter to keep \(guide.optionLabel(property.id, state.selection)).
            """)
    }

    func optionLines(for property: Property, in state: GuideState) -> [String] {
        property.options.enumerated().map { index, option in
            var line = "  \(index + 1). \(option.label) (\(option.cliValue))"
            if option.id == state.selection[property.id] { line += ", current choice" }
            line += ". " + option.summary.asSentence()
            let moves = guide.preview(choosing: option.id, for: property.id, in: state)
            if !moves.isEmpty {
                line += " Choosing it also sets " + moves.map(guide.destination).joined(separator: ", ") + "."
            }
            for rule in guide.breachedRecommendations(choosing: option.id, for: property.id, in: state) {
                line += " Not recommended with your other choices: \(rule.reason)"
            }
            return line
        }
    }

    /// "Dashboard access to None (R1: API onboarding needs ...)".
    func change(_ move: MovedProperty) -> String {
        let destination = guide.destination(of: move)
        return guide.primaryReason(of: move).map { "\(destination) (\($0))" } ?? destination
    }

    func promptLine(for property: Property, in state: GuideState) -> String {
        "\(property.label), 1 to \(property.options.count), Enter keeps \(guide.optionLabel(property.id, state.selection)), b back, ? more: "
    }
}
