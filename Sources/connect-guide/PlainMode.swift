import ConnectGuideText
import ConnectGuideCore
import ConnectGuideStorage
import ConnectGuideDocuments
import ConnectGuideContent

import ConnectGuidePlatform

/// `connect-guide --plain`: questions and notices on stderr (as shells do with prompts),
/// the plan on stdout, so `plan=$(connect-guide --plain)` captures only the plan, as
/// text or in the `--print` format.
func runPlainMode(_ options: SessionFlags, environment: Environment) throws {
    let format = options.printFormat ?? .text
    let guide = try options.selection.guide(.bundled)
    var resumed = options.resume
    let (state, store) = try options.start(in: guide, environment: environment) { notice in
        switch notice {
        case .nothingSavedToResume, .savedSelectionUnusable, .noStateLocation, .cannotSave: resumed = false
        default: break
        }
        printNotice(notice, in: guide)
    }
    if resumed, let store {
        let names = state.selection.properties.map { guide.optionLabel($0, state.selection) }.joined(separator: " · ")
        printError(guide.text.cli.resumedFrom(path: store.path, names: names))
    }
    var standardError = StandardError()
    // Wrapped to the terminal's width (else $COLUMNS), so a long option reads as a
    // paragraph rather than however the terminal happens to break it.
    let width = terminalWindowSize(2)?.columns ?? environment["COLUMNS"].flatMap { Int($0) }
    // Saving is a convenience for --resume: after a failure, said once, the session goes
    // on without it.
    var saver: (any SelectionSaver)? = store
    let session = PlainSession(guide: guide, echoAnswers: isatty(0) == 0)
    // Lines are capped, as the full-screen guide caps a paste: no input can grow one without bound.
    var lines = LineReader()
    var (plain, effects) = session.start(from: state, offeringPresets: !options.choosesStart)
    while true {
        for effect in effects {
            switch effect {
            case .write(let text):
                standardError.write(width.map { wrappedForWidth(text, width: $0) } ?? text)
            case .save(let selection):
                if case .failed(let failure)? = saver?.outcome(ofSaving: selection, in: guide) {
                    printError(guide.text.cli.saveWarning(problem: "\(failure)"))
                    saver = nil
                }
            case .quit:
                // Left without a plan where one was asked for: nothing on stdout, exit 1.
                ConnectGuidePlatform.exit(Exit.noResult)
            case .finish(let final):
                printError("")
                try writeStandardOutput(guide.render(PlanReport(plan: guide.plan(for: final.selection)), as: format))
                return
            case .finishWithCode(let final):
                printError("")
                try writeStandardOutput(guide.quickstartScript(PlanReport(plan: guide.plan(for: final.selection)), api: .v1, language: .python))
                return
            }
        }
        let line = lines.next()
        if let line, line.droppedBytes > 0 {
            standardError.write("\n" + guide.text.cli.lineTooLong(limit: String(LineReader.defaultLimit)) + "\n")
        }
        (plain, effects) = session.step(plain, line.map { PlainInput.line($0.text) } ?? .endOfInput)
    }
}
