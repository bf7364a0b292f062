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
    /// The saved file is always read, even without --resume, so a corrupt one is reported
    /// before the first save replaces it (app.md section 4).
    func start(in guide: Guide, environment: [String: String], warn: (String) -> Void) throws -> (state: GuideState, store: SelectionStore?) {
        let partial = try selection.partialSelection(in: guide, warn: warn)
        let completion: Completion
        switch guide.complete(partial) {
        case .success(let result): completion = result
        case .failure(let contradiction): throw CLIError.usage(describe(contradiction, in: guide))
        }
        let store = SelectionStore(environment: environment)
        var saved: Selection?
        if let store {
            switch store.load(in: guide) {
            case .success(let selection):
                saved = selection
                if resume && selection == nil { warn("note: nothing saved yet in \(store.path); starting from the defaults") }
            case .failure(let error):
                warn("warning: \(error); \(resume ? "starting from the defaults instead, and " : "")it will be replaced when the selection changes")
            }
        } else if resume {
            warn("warning: cannot find a saved selection: neither XDG_STATE_HOME nor HOME is set")
        }

        var state: GuideState
        if resume, let saved {
            // Explicit flags win over the saved selection; the rest of it moves only as far
            // as the rules require (flags that go together always have such a selection).
            let target = Selection { partial[$0] ?? saved[$0] }
            let pinned = Set(partial.chosen.keys)
            if let resolution = guide.nearestValid(to: target, keeping: pinned, preferring: partial.order.reversed()) {
                for move in resolution.moved where !pinned.contains(move.property) {
                    warn("note: \(guide.describe(move))")
                }
                state = guide.initialState(resolution.selection)
            } else {
                state = guide.initialState(completion.selection)
            }
        } else {
            state = guide.initialState(completion.selection)
        }
        return (state, store)
    }
}

/// The environment of this process, for code that takes an environment as a value.
func processEnvironment() -> [String: String] {
    ProcessInfo.processInfo.environment
}
