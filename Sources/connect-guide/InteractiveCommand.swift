import ArgumentParser
import ConnectGuideCore
import ConnectGuideTUI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The root command's options for the full-screen guide, which `connect-guide` runs
/// when given no subcommand (app.md section 1). The start options (selection flags,
/// --resume) are shared with --plain and live in `StartOptions`.
struct InteractiveOptions: ParsableArguments {
    @Option(
        name: .customLong("print"),
        help: ArgumentHelp(
            "On quitting with q or Esc, print the chosen plan to stdout. The guide draws on the terminal (/dev/tty), so stdout can be captured: plan=$(connect-guide --print json).",
            valueName: "format"))
    var printFormat: PlanFormat?

    func run(_ start: StartOptions) throws {
        let guide = try loadGuide()
        // Checked before reading the saved selection, so a refusal changes nothing.
        if let refusal = InteractiveSession.refusal(printRequested: printFormat != nil) {
            throw CLIError.usage(refusal)
        }
        let (state, store) = try start.start(in: guide, environment: processEnvironment(), warn: printError)
        var saveFailed = false
        let ending: InteractiveSession.Ending
        do {
            ending = try InteractiveSession.run(guide: guide, start: state) { selection in
                guard let store, !saveFailed else { return nil }
                do {
                    try store.save(selection)
                    return nil
                } catch {
                    // Saving is a convenience for --resume: say so once and carry on.
                    saveFailed = true
                    return "Cannot save the selection for --resume: \(error)"
                }
            }
        } catch {
            throw CLIError.usage("\(error). \(InteractiveSession.headlessAdvice)")
        }
        switch ending {
        case .quit(let selection):
            if let printFormat {
                print(guide.render(PlanReport(plan: guide.plan(for: selection)), as: printFormat), terminator: "")
            }
        case .signal(let signal):
            // Interrupted: nothing on stdout, and the shell's usual 128 + signal number.
            Glibc.exit(128 + signal)
        }
    }
}
