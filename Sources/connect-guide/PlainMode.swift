import ConnectGuideCore
import ConnectGuideStorage
import ConnectGuideDocuments
import ConnectGuideContent

import ConnectGuidePlatform

/// `connect-guide --plain`: questions and notices on stderr (as shells do with prompts),
/// the plan on stdout, so `plan=$(connect-guide --plain)` captures only the plan, as
/// text or in the `--print` format.
func runPlainMode(_ options: StartOptions, format: PlanFormat = .text) throws {
    let guide = try options.selection.guide(.bundled)
    let environment = processEnvironment()
    let (state, store) = try options.start(in: guide, environment: environment) { printNotice($0, in: guide) }
    var standardError = StandardError()
    var saveFailed = false
    let session = PlainSession(guide: guide, echoAnswers: isatty(0) == 0)
    let final = session.run(
        from: state,
        readLine: { readLine(strippingNewline: true) },
        write: { standardError.write($0) },
        selectionChanged: { selection in
            guard let store, !saveFailed else { return }
            do {
                try store.save(selection, in: guide)
            } catch {
                // Saving is a convenience for --resume; the session goes on without it.
                saveFailed = true
                printError("warning: cannot save the selection for --resume: \(error)")
            }
        })
    printError("")
    try writeStandardOutput(guide.render(PlanReport(plan: guide.plan(for: final.selection)), as: format))
}
