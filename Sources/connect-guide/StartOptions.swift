import ConnectGuideText
import ArgumentParser
import ConnectGuideCore
import ConnectGuideStorage
import ConnectGuideDocuments
import ConnectGuidePlatform

/// How an interactive session (the full-screen guide or --plain) starts: the selection
/// flags, `--resume`, and `--plain`. Shared by both front ends so they start the same way.
struct StartOptions: ParsableArguments {
    @OptionGroup(title: cliText.startTitle) var selection: SelectionOptions

    @Flag(help: ArgumentHelp(cliText.sessionResumeHelp))
    var resume = false

    @Flag(help: ArgumentHelp(cliText.freshHelp))
    var fresh = false

    @Flag(help: ArgumentHelp(cliText.plainHelp))
    var plain = false

    /// What these flags asked for, with the guide's --print, as a plain value.
    func flags(printing printFormat: PlanFormat?) -> SessionFlags {
        SessionFlags(selection: selection.flags, resume: resume, fresh: fresh, plain: plain, printFormat: printFormat)
    }
}

/// How an interactive session (the full-screen guide or --plain) was asked to start: the
/// selection flags, `--resume`, `--fresh`, `--plain` and `--print`, as a plain value that
/// the argument parser and `CommonCommandLine` both give.
struct SessionFlags: Hashable, Sendable {
    var selection = SelectionFlags()
    var resume = false
    var fresh = false
    var plain = false
    var printFormat: PlanFormat?

    /// Whether the command line says where to start (selection flags, --from-url,
    /// --preset or --resume): then neither front end asks for a preset, whose answer would
    /// replace what was asked for.
    var choosesStart: Bool {
        let flags = selection
        return resume || flags.preset != nil || flags.fromURL != nil
            || flags.properties.contains { $0 != nil }
    }

    /// The line-by-line mode runs when asked for, or on a terminal that can do no more.
    func wantsPlainMode(environment: Environment) -> Bool {
        plain || environment["TERM"] == "dumb"
    }

    /// The first state of a session, and the store to save changes to (nil when neither
    /// XDG_STATE_HOME nor HOME says where). What was found on the way (the saved file,
    /// what the flags implied) goes to `notify` and never stops the session; contradictory
    /// flags are a usage error. `SessionStart` decides; this only reads the flags.
    func start(
        in guide: Guide, environment: Environment, resumeByDefault: Bool = false, notify: (StartNotice) -> Void
    ) throws -> (state: GuideState, store: SelectionStore?) {
        let request = try selection.request(in: guide, notify: notify)
        var store = SelectionStore(environment: environment)
        let start = SessionStart(resume: resume, fresh: fresh, resumeByDefault: resumeByDefault)
        let state = try start.begin(
            in: guide, store: &store, completing: { try selection.complete(request, in: guide, over: $0) }, notify: notify)
        return (state, store)
    }

    /// Runs the session: --plain (or TERM=dumb) line by line, else the full-screen guide.
    func run() throws {
        if fresh && resume {
            throw CLIError.usage(cliText.freshAndResume)
        }
        let environment = runEnvironment
        if wantsPlainMode(environment: environment) {
            try runPlainMode(self, environment: environment)
        } else {
            try runGuide(self, environment: environment)
        }
    }
}
