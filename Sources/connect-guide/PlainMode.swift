import ConnectGuideCore
import ConnectGuideStorage
import ConnectGuideContent
import ConnectGuidePlain
import ConnectGuideText

import ConnectGuidePlatform

/// `connect-guide --plain`: questions and notices on stderr (as shells do with prompts),
/// the plan on stdout, so `plan=$(connect-guide --plain)` captures only the plan, as
/// text or in the `--print` format.
func runPlainMode(_ options: SessionFlags, environment: Environment) throws {
    let format = options.printFormat ?? .text
    let guide = try options.selection.guide(localizedGuide)
    let text = guide.text
    var resumed = options.resume
    let (state, store) = try options.start(in: guide, environment: environment) { notice in
        switch notice {
        case .nothingSavedToResume, .savedSelectionUnusable, .noStateLocation, .cannotSave: resumed = false
        default: break
        }
        printNotice(notice, in: guide)
    }
    if resumed, let store {
        let choices = state.selection.properties.map { guide.optionLabel($0, state.selection) }.joined(separator: " · ")
        printError(text.files.note(message: text.plain.resumedFrom(path: store.path, choices: choices)))
    }
    let session = PlainSession(guide: guide, echoAnswers: isatty(0) == 0)
    switch session.runOnStandardStreams(
        from: state, offeringPresets: !options.choosesStart, format: format, saver: store, environment: environment)
    {
    case .document(let document):
        try writeStandardOutput(document)
    case .quit:
        // Left without a plan where one was asked for: nothing on stdout, exit 1.
        ConnectGuidePlatform.exit(Exit.noResult)
    }
}
