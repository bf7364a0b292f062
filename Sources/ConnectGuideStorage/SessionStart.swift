import ConnectGuideCore
import ConnectGuideDocuments
import ConnectGuideText

/// Something found while a session started that the user is told about: on stderr by the
/// headless commands and --plain, as the first notice by the full-screen guide (which
/// hides stderr). A value, so each front end decides where it goes and how it looks, and
/// `text(in:)` is the one place that words it.
public enum StartNotice: Hashable, Sendable {
    /// The full-screen guide opened on the selection saved last time.
    case resumed(Selection)
    /// --resume, and nothing is saved at `path` yet.
    case nothingSavedToResume(path: String)
    /// Nothing saved yet, without --resume: a new user, who needs the prerequisites first.
    case firstStart
    /// The saved selection cannot be used; it was moved to `keptAs` when it could be, and
    /// a session that meant to resume from it starts from the defaults instead.
    case savedSelectionUnusable(SelectionStoreError, keptAs: String?, startingFromDefaults: Bool)
    /// Neither XDG_STATE_HOME nor HOME says where a saved selection would be: nothing is
    /// resumed or saved.
    case noStateLocation
    /// No file can be at `path` (a part of it is a file, `~/.local` say): nothing is saved,
    /// and nothing can be.
    case cannotSave(path: String, problem: SavedSelectionProblem)
    /// The rules set a property that no flag chose.
    case implied(MovedProperty)
    /// --from-url had parameters that are not the guide's; they were left out. One notice
    /// for all of them, naming the first few: a URL may hold thousands.
    case ignoredURLParameters([String])
    /// --stripe-version names a preview version: by invitation, and it may change; its
    /// rules start from the release before it.
    case previewVersion(StripeAPIVersion, rulesFrom: StripeAPIVersion?)

    /// How many ignored URL parameters a notice names.
    static let namedParameters = 5

    /// Whether something went wrong (shown as an error), rather than information.
    public var isProblem: Bool {
        switch self {
        case .savedSelectionUnusable, .noStateLocation, .ignoredURLParameters, .cannotSave: true
        case .resumed, .nothingSavedToResume, .firstStart, .implied, .previewVersion: false
        }
    }

    /// What the user reads: "warning: " for a problem, "note: " otherwise, then the message.
    public func text(in guide: Guide) -> String {
        isProblem ? guide.text.files.warning(message: message(in: guide)) : guide.text.files.note(message: message(in: guide))
    }

    private func message(in guide: Guide) -> String {
        let words = guide.text.files
        switch self {
        case .resumed:
            // The five rows beside it show the selection; the notice has one line.
            return words.resumed
        case .nothingSavedToResume(let path):
            return words.nothingSavedToResume(path: path)
        case .firstStart:
            return guide.prerequisites
        case .savedSelectionUnusable(let error, let keptAs, let startingFromDefaults):
            let unusable = error.message(guide.text)
            let kept = keptAs.map { words.keptAs(message: unusable, path: $0) } ?? words.notMovedAside(message: unusable)
            return startingFromDefaults ? words.startingFromDefaults(message: kept) : kept
        case .noStateLocation:
            return words.noStateLocation
        case .cannotSave(let path, let problem):
            return words.cannotSaveIn(path: UntrustedText.escaped(path), problem: problem.message(guide.text))
        case .implied(let move):
            return guide.describe(move)
        case .ignoredURLParameters(let keys) where keys.count == 1:
            return words.ignoredURLParameter(key: UntrustedText.quoted(keys[0]))
        case .ignoredURLParameters(let keys):
            let named = keys.prefix(Self.namedParameters).map(UntrustedText.quoted)
            let list = keys.count > Self.namedParameters
                ? words.andMore(names: named.joined(separator: ", "), count: keys.count - Self.namedParameters)
                : guide.text.list(named)
            return words.ignoredURLParameters(count: keys.count, keys: list)
        case .previewVersion(let version, let release):
            let rules = release.map { words.previewRulesOf(release: $0.description) } ?? words.previewRulesKnown
            return words.previewVersion(version: version.description, rules: rules)
        }
    }
}

/// How an interactive session (the full-screen guide or --plain) finds its first state:
/// the flags, over the saved selection when resuming, over the defaults otherwise.
///
/// The saved file is read at every start, even without --resume: an unusable one is
/// reported and moved aside, so no later save destroys it. A saved
/// selection that breaks a rule of the newest rules (saved by an older version of the
/// guide) is unusable as a corrupt one is; one that only an older --stripe-version rules
/// out is not, and moves as a URL would.
public struct SessionStart: Hashable, Sendable {
    /// --resume: start from the saved selection, and say so when there is none.
    public var resume: Bool
    /// --fresh: not the saved selection, even where the session would resume by default.
    public var fresh: Bool
    /// The full-screen guide opens on the saved selection unless given --fresh; --plain
    /// resumes only with --resume.
    public var resumeByDefault: Bool

    public init(resume: Bool = false, fresh: Bool = false, resumeByDefault: Bool = false) {
        self.resume = resume
        self.fresh = fresh
        self.resumeByDefault = resumeByDefault
    }

    /// Whether the saved selection, when usable, is the base the flags apply over.
    public var resuming: Bool { resume || (resumeByDefault && !fresh) }

    /// The session's first state. `complete` puts the flags over a base (the saved
    /// selection when resuming, else empty) and throws on flags that contradict each
    /// other; nothing is moved aside then. `notify` hears each notice as it is found, so
    /// those found before such an error still reach the user. `store` is nil when no
    /// location for it is known, and is made nil when an unusable file there could not be
    /// moved aside: the session must not save over it.
    public func begin(
        in guide: Guide, store: inout SelectionStore?,
        completing complete: (PartialSelection) throws -> Completion,
        notify: (StartNotice) -> Void
    ) rethrows -> GuideState {
        let loaded = store?.load(in: guide)
        let unusable = store.flatMap { unusableReason(loaded, store: $0, in: guide) }
        var base = PartialSelection()
        if resuming, unusable == nil, case .success(let saved?)? = loaded {
            base = PartialSelection(saved)
            if resumeByDefault { notify(.resumed(saved)) }
        }
        let completion = try complete(base)

        if let blocked = unusable, blocked.pathBlocked {
            // Not a saved selection gone bad: there is none, so this is a first start (with
            // the presets), and no save can succeed.
            store = nil
            notify(.cannotSave(path: blocked.path, problem: blocked.problem))
            if !resume { notify(.firstStart) }
        } else if let kept = store, let unusable {
            let aside = kept.setAside()
            if aside == nil { store = nil }
            notify(.savedSelectionUnusable(unusable, keptAs: aside, startingFromDefaults: resuming))
        } else if let store, case .success(nil)? = loaded {
            // Only an explicit --resume needs telling that there was nothing to resume.
            notify(resume ? .nothingSavedToResume(path: store.path) : .firstStart)
        } else if store == nil {
            notify(.noStateLocation)
        }
        for move in completion.implied { notify(.implied(move)) }
        return guide.initialState(completion.selection)
    }

    /// Why the saved file cannot be used, if it cannot: unreadable, or a selection the
    /// newest rules no longer allow.
    private func unusableReason(
        _ loaded: Result<Selection?, SelectionStoreError>?, store: SelectionStore, in guide: Guide
    ) -> SelectionStoreError? {
        switch loaded {
        case .failure(let error)?:
            return error
        case .success(let saved?)?:
            guard let broken = guide.at(guide.newestAPIVersion).violations(of: saved).first else { return nil }
            return SelectionStoreError(path: store.path, problem: .breaksRule(id: broken.id.rawValue, summary: broken.summary))
        default:
            return nil
        }
    }
}
