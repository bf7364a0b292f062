import ConnectGuideCore
import ConnectGuideDocuments
import ConnectGuidePlatform
import ConnectGuideStorage
import ConnectGuideText

/// How a plain session on the standard streams ended.
public enum PlainEnding: Hashable, Sendable {
    /// What the user asked for: the plan in the chosen format, or its API calls as code.
    case document(String)
    /// `q`: left without a plan where one was asked for.
    case quit
}

extension PlainSession {
    /// Runs the session on the process's streams: answers from stdin, questions and
    /// notices on stderr (as shells do with prompts), so the caller can put the document
    /// it returns on stdout alone (`plan=$(connect-guide --plain)`). Each change is saved
    /// by `saver`; after a failure, said once, the session goes on without saving.
    public func runOnStandardStreams(
        from state: GuideState, offeringPresets: Bool, format: PlanFormat,
        saver: (any SelectionSaver)?, environment: Environment
    ) -> PlainEnding {
        var saver = saver
        // Wrapped to the terminal's width (else $COLUMNS), so a long option reads as a
        // paragraph rather than however the terminal happens to break it.
        let width = terminalWindowSize(2)?.columns ?? environment["COLUMNS"].flatMap { Int($0) }
        func writeError(_ text: String) { _ = writeAll(Array(text.utf8), to: 2) }
        // Lines are capped, as the full-screen guide caps a paste: no input can grow one without bound.
        var lines = LineReader()
        var (plain, effects) = start(from: state, offeringPresets: offeringPresets)
        while true {
            for effect in effects {
                switch effect {
                case .write(let text):
                    writeError(width.map { wrappedForWidth(text, width: $0) } ?? text)
                case .save(let selection):
                    if case .failed(let failure)? = saver?.outcome(ofSaving: selection, in: guide) {
                        writeError(UntrustedText.escapingControls(inMessage: text.files.warning(message: failure.message(text))) + "\n")
                        saver = nil
                    }
                case .quit:
                    return .quit
                case .finish(let final):
                    writeError("\n")
                    return .document(guide.render(PlanReport(plan: guide.plan(for: final.selection)), as: format))
                case .finishWithCode(let final):
                    writeError("\n")
                    return .document(guide.quickstartScript(PlanReport(plan: guide.plan(for: final.selection)), api: .v1, language: .python))
                }
            }
            let line = lines.next()
            if let line, line.droppedBytes > 0 {
                writeError("\n" + text.files.warning(message: text.plain.lineTooLong(limit: String(LineReader.defaultLimit))) + "\n")
            }
            (plain, effects) = step(plain, line.map { PlainInput.line($0.text) } ?? .endOfInput)
        }
    }
}
