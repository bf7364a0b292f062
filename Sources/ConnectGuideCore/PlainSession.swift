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

    /// Asks about each property in turn, starting from `state`, and returns the final state.
    /// `readLine` returns nil at the end of input: the remaining choices are kept.
    /// `selectionChanged` is called after every answer that changed the selection.
    public func run(
        from state: GuideState,
        readLine: () -> String?,
        write: (String) -> Void,
        selectionChanged: (Selection) -> Void = { _ in }
    ) -> GuideState {
        var state = state
        write("""
            \(guide.title), one question at a time. Answer with the number or the name of an \
            option; press Enter to keep the current choice.\n
            """)
        if let change = state.lastChange, !change.moved.isEmpty {
            write("The starting selection broke a rule, so it was adjusted:\n")
            for move in change.moved { write("  \(guide.describe(move)).\n") }
        }
        let count = guide.properties.count
        questions: for (index, property) in guide.properties.enumerated() {
            write("\nQuestion \(index + 1) of \(count): \(property.label) (\(property.section.heading))\n")
            for line in optionLines(for: property, in: state) { write(line + "\n") }
            while true {
                write(promptLine(for: property, in: state))
                guard let line = readLine() else {
                    write("\nEnd of input: keeping the current choices.\n")
                    break questions
                }
                if echoAnswers { write(line + "\n") }
                switch answer(line, for: property, in: state) {
                case .keep:
                    write("Kept \(guide.optionLabel(property.id, state.selection)).\n")
                    continue questions
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
                    if state.selection != before { selectionChanged(state.selection) }
                    continue questions
                case .invalid(let message):
                    write(message + "\n")
                }
            }
        }
        return state
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
        "\(property.label), 1 to \(property.options.count), Enter keeps \(guide.optionLabel(property.id, state.selection)): "
    }
}
