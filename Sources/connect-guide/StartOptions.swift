import ArgumentParser
import ConnectGuideCore
import FoundationEssentials

/// How an interactive session (the full-screen guide or --plain) starts: the selection
/// flags, `--resume`, and `--plain`. Shared by both front ends so they start the same way.
struct StartOptions: ParsableArguments {
    @OptionGroup(title: "Start with a selection") var selection: SelectionOptions

    @Flag(help: "Start from the selection saved last time ($XDG_STATE_HOME/connect-guide/last.json); selection flags override it.")
    var resume = false

    @Flag(help: "Ask one numbered question per property, line by line: for screen readers, pipes and dumb terminals (on by itself when TERM=dumb).")
    var plain = false

    /// The line-by-line mode runs when asked for, or on a terminal that can do no more.
    func wantsPlainMode(environment: [String: String]) -> Bool {
        plain || environment["TERM"] == "dumb"
    }

    /// The first state of a session, and the store to save changes to (nil when neither
    /// XDG_STATE_HOME nor HOME says where). Problems with the saved file are reported
    /// through `warn` and never stop the session; contradictory flags are a usage error.
    ///
    /// The saved file is read at every start, even without --resume: an unusable one is
    /// reported and moved aside, so no later save destroys it (app.md section 4).
    func start(in guide: Guide, environment: [String: String], warn: (String) -> Void) throws -> (state: GuideState, store: SelectionStore?) {
        let request = try selection.request(in: guide, warn: warn)
        let store = SelectionStore(environment: environment)
        let loaded = store?.load(in: guide)
        // Flags over the URL, both kept; the saved selection (with --resume) gives way to them
        // and to the rules.
        var base = PartialSelection()
        if resume, case .success(let saved?) = loaded { base = PartialSelection(saved) }
        let completion = try selection.complete(request, in: guide, over: base)

        switch loaded {
        case .success(nil)? where resume:
            warn("note: nothing saved yet in \(store?.path ?? ""); starting from the defaults")
        case .success(nil)?:
            // A first start: what a new user needs to know before anything else.
            warn("note: \(guide.prerequisites)")
        case .failure(let error)?:
            let kept = store?.setAside().map { "; it is kept as \($0)" } ?? ""
            warn("warning: \(error)\(kept)\(resume ? "; starting from the defaults instead" : "")")
        case nil where resume:
            warn("warning: cannot find a saved selection: neither XDG_STATE_HOME nor HOME is set")
        default:
            break
        }
        for move in completion.implied { warn("note: \(guide.describe(move))") }
        return (guide.initialState(completion.selection), store)
    }
}

/// The environment of this process, for code that takes an environment as a value.
func processEnvironment() -> [String: String] {
    ProcessInfo.processInfo.environment
}
