import ArgumentParser
import ConnectGuideCore
import ConnectGuideStorage

/// How an interactive session (the full-screen guide or --plain) starts: the selection
/// flags, `--resume`, and `--plain`. Shared by both front ends so they start the same way.
struct StartOptions: ParsableArguments {
    @OptionGroup(title: "Start with a selection") var selection: SelectionOptions

    @Flag(help: "Start from the selection saved last time ($XDG_STATE_HOME/connect-guide/last.url, its docs page URL); selection flags override it. The full-screen guide does this unless given --fresh.")
    var resume = false

    @Flag(help: "Start the full-screen guide from the defaults, not the saved selection; the saved file is left alone until the first choice.")
    var fresh = false

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
    ///
    /// `resumeByDefault` (the full-screen guide) opens on the saved selection unless
    /// --fresh is given; --plain resumes only with --resume. A saved selection that breaks
    /// a rule of this version (saved by an older one) is moved aside as a corrupt one is.
    func start(
        in guide: Guide, environment: [String: String], resumeByDefault: Bool = false, warn: (String) -> Void
    ) throws -> (state: GuideState, store: SelectionStore?, firstStart: Bool) {
        let request = try selection.request(in: guide, warn: warn)
        let store = SelectionStore(environment: environment)
        let loaded = store?.load(in: guide)
        // Why the saved file cannot be used, if it cannot: unreadable, or a selection the
        // newest rules no longer allow (saved by an older version of the guide). One that only
        // an older --stripe-version rules out is not outdated: it moves, as a URL would.
        var unusable: String?
        if case .failure(let error)? = loaded { unusable = "\(error)" }
        if case .success(let saved?) = loaded, let broken = guide.at(guide.newestAPIVersion).violations(of: saved).first, let store {
            unusable = "the saved selection in \(store.path) cannot be used: it breaks rule \(broken.id) of this version (\(broken.summary))"
        }
        let resuming = resume || (resumeByDefault && !fresh)
        // Flags over the URL, both kept; the saved selection (when resuming) gives way to them
        // and to the rules.
        var base = PartialSelection()
        if resuming, unusable == nil, case .success(let saved?) = loaded {
            base = PartialSelection(saved)
            let names = PropertyID.allCases.map { guide.optionLabel($0, saved) }.joined(separator: " · ")
            if resumeByDefault { warn("note: opened on your last selection (\(names)); r resets to the defaults, --fresh starts without it.") }
        }
        let completion = try selection.complete(request, in: guide, over: base)

        // Only an explicit --resume needs telling that there was nothing to resume.
        switch loaded {
        case .success(nil)? where resume:
            warn("note: nothing saved yet in \(store?.path ?? ""); starting from the defaults")
        case .success(nil)?:
            // A first start: what a new user needs to know before anything else.
            warn("note: \(guide.prerequisites)")
        case _? where unusable != nil:
            let kept = store?.setAside().map { "; it is kept as \($0)" } ?? ""
            warn("warning: \(unusable ?? "")\(kept)\(resuming ? "; starting from the defaults instead" : "")")
        case nil where resume:
            warn("warning: cannot find a saved selection: neither XDG_STATE_HOME nor HOME is set")
        default:
            break
        }
        for move in completion.implied { warn("note: \(guide.describe(move))") }
        // A first start: nothing saved yet. The full-screen guide then offers the presets.
        let firstStart: Bool
        if case .success(nil)? = loaded, !resume { firstStart = true } else { firstStart = false }
        return (guide.initialState(completion.selection), store, firstStart)
    }
}
