import ConnectGuideText
import ArgumentParser
import ConnectGuideCore
import ConnectGuideStorage
import ConnectGuideDocuments
import ConnectGuideContent
import ConnectGuideTUI

import ConnectGuidePlatform

/// The root command's options for the full-screen guide, which `connect-guide` runs
/// when given no subcommand. The start options (selection flags,
/// --resume) are shared with --plain and live in `StartOptions`.
struct InteractiveOptions: ParsableArguments {
    @Option(
        name: .customLong("print"),
        help: ArgumentHelp(cliText.printHelp, valueName: "format"))
    var printFormat: PlanFormat?
}

/// The full-screen guide, started as `session` asks; its ending decides what reaches
/// stdout and the exit status.
func runGuide(_ session: SessionFlags, environment: Environment) throws {
    let printFormat = session.printFormat
    // Anything printed now would be hidden by the full-screen UI: the guide shows these
    // notices as its first notice instead, and they go to stderr only if it cannot start.
    var notices: [StartNotice] = []
    let guide = try session.selection.guide(localizedGuide) { notices.append($0) }
    let printNotices = { notices.forEach { printNotice($0, in: guide) } }
    // Checked before reading the saved selection, so a refusal changes nothing.
    if let refusal = InteractiveSession.refusal(printRequested: printFormat != nil, environment: environment, text: guide.text) {
        printNotices()
        throw CLIError.usage(refusal)
    }
    let state: GuideState
    let store: SelectionStore?
    do {
        (state, store) = try session.start(in: guide, environment: environment, resumeByDefault: true) {
            notices.append($0)
        }
    } catch {
        printNotices()
        throw error
    }
    // A first start with no selection asked for opens on the preset chooser.
    let offerPresets = notices.contains(.firstStart) && !session.choosesStart
    let ending: InteractiveSession.Ending
    do {
        ending = try InteractiveSession.run(
            guide: guide, start: state, startNotices: notices, environment: environment,
            printFormat: printFormat?.rawValue, offerPresets: offerPresets, saver: store)
    } catch {
        printNotices()
        throw CLIError.usage("\(error). \(InteractiveSession.headlessAdvice(guide.text))")
    }
    switch ending {
    case .quit(let selection):
        if let printFormat {
            try writeStandardOutput(guide.render(PlanReport(plan: guide.plan(for: selection)), as: printFormat))
        } else {
            // Left in the scrollback: what was chosen, where it is, how to get its plan.
            try writeStandardOutput(resultLines(for: selection, in: guide))
        }
    case .cancelled:
        // Esc: left without choosing. With --print the caller asked for a result and
        // gets none: exit 1 (README, exit statuses). Without it, an ordinary quit.
        if printFormat != nil { ConnectGuidePlatform.exit(Exit.noResult) }
    case .signal(let signal):
        // Interrupted: nothing on stdout. Die of the same signal, now that the terminal
        // is restored, so a calling shell sees it (a loop stops on Ctrl-C) and reports
        // 128 + the signal number.
        InteractiveSession.die(of: signal)
    }
}

/// The lines a normal quit leaves on the terminal: the selection, its docs URL, and the
/// command that prints its plan.
func resultLines(for selection: Selection, in guide: Guide) -> String {
    let url = guide.url(for: selection)
    // Each value with its property's name: "Stripe" alone could be any of three.
    let names = selection.properties.map { "\(guide.property($0).label): \(guide.optionLabel($0, selection))" }.joined(separator: " · ")
    return """
        connect-guide: \(names)
        \(url)
        connect-guide plan --from-url \(shellQuoted(url))

        """
}
