import ConnectGuideCore
import ConnectGuidePlatform
import ConnectGuideText

/// Why a saved selection could not be used. The file is left as it is, so the caller
/// can report the problem before anything replaces it.
public struct SelectionStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    public let path: String
    public let problem: SavedSelectionProblem
    /// No file can be there at all (a part of the path is a file, `~/.local` say): there
    /// is no saved selection to report, and nothing can be saved.
    public let pathBlocked: Bool

    public init(path: String, problem: SavedSelectionProblem, pathBlocked: Bool = false) {
        self.path = path
        self.problem = problem
        self.pathBlocked = pathBlocked
    }

    public func message(_ text: UIText) -> String {
        text.files.savedSelectionUnusable(path: UntrustedText.escaped(path), problem: problem.message(text))
    }

    public var description: String { message(UIText.bundled(.en)) }
}

/// Why a saved selection cannot be used.
public enum SavedSelectionProblem: Hashable, Sendable {
    case file(FileProblem)
    /// Not a docs page URL; the reason as the URL reader gives it.
    case notASelection(String)
    /// A URL without the values of these URL keys.
    case missingKeys([String])
    /// A selection the newest rules refuse.
    case breaksRule(id: String, summary: String)

    public func message(_ text: UIText) -> String {
        switch self {
        case .file(let problem): problem.message(text)
        case .notASelection(let reason): text.files.notASelection(reason: reason)
        case .missingKeys(let keys): text.files.missingKeys(keys: text.list(keys))
        case .breaksRule(let id, let summary): text.files.breaksRule(rule: id, summary: summary)
        }
    }
}

/// Where a session saves its selection for --resume: the `SelectionStore`, or a stand-in
/// in tests.
public protocol SelectionSaver {
    func save(_ selection: Selection, in guide: Guide) throws(FileError)
}

/// A save of the selection that failed. Saving is a convenience for --resume, so a
/// session says so once and carries on without it.
public struct SaveFailure: Error, Hashable, Sendable, CustomStringConvertible {
    public let error: FileError

    public init(_ error: FileError) { self.error = error }

    /// What the user reads, as a clause: each front end starts the sentence its own way.
    public func message(_ text: UIText) -> String { text.files.cannotSaveForResume(problem: error.message(text)) }

    public var description: String { message(UIText.bundled(.en)) }
}

/// How a save went, for the session that asked for it.
public enum SaveOutcome: Hashable, Sendable {
    case saved(Selection)
    case failed(SaveFailure)
}

extension SelectionSaver {
    /// Saves, with the outcome as a value rather than a thrown error.
    public func outcome(ofSaving selection: Selection, in guide: Guide) -> SaveOutcome {
        do {
            try save(selection, in: guide)
            return .saved(selection)
        } catch {
            return .failed(SaveFailure(error))
        }
    }
}

/// The last selection, kept in `$XDG_STATE_HOME/connect-guide/last.url` as the docs page's
/// URL, so the file is also a link to share, and it is read back with
/// the same URL codec as `--from-url`. The location comes from an environment passed in,
/// so tests and callers decide where it lives.
///
/// Use: `load(in:)` once at start and report a failure (a corrupt file is ignored, never
/// fatal); then `save(_:)` after every change of selection. Loading first is what keeps a
/// corrupt file from being replaced before anyone was told about it.
public struct SelectionStore: SelectionSaver, Hashable, Sendable {
    /// The largest file read as a saved selection; a real one is about 200 bytes.
    public static let sizeLimit = 65_536

    public let path: String

    public init(path: String) { self.path = path }

    /// The store at the XDG location for this environment: `$XDG_STATE_HOME` when it is an
    /// absolute path (the XDG spec says to ignore relative ones), else `$HOME/.local/state`.
    /// Nil when neither is set.
    public init?(environment: Environment) {
        guard let path = Self.defaultPath(environment: environment) else { return nil }
        self.init(path: path)
    }

    public static func defaultPath(environment: Environment) -> String? {
        let stateHome: String
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            stateHome = xdg
        } else if let home = environment["HOME"], !home.isEmpty {
            stateHome = (home.hasSuffix("/") ? String(home.dropLast()) : home) + "/.local/state"
        } else {
            return nil
        }
        return stateHome + "/connect-guide/last.url"
    }

    /// The saved selection; nil when nothing was saved yet. Option ids the guide does not
    /// know make the file unusable; a known combination that breaks a rule is returned as
    /// it is (`Guide.initialState(_:)` moves it to the nearest valid one and says so).
    public func load(in guide: Guide) -> Result<Selection?, SelectionStoreError> {
        removeStaleTemporaryFiles()
        let bytes: [UInt8]
        do {
            guard let read = try AtomicFile.read(path, limit: Self.sizeLimit) else { return .success(nil) }
            bytes = read
        } catch {
            // Reading, a missing directory is a part of the path that is a file (ENOTDIR):
            // a directory that is only absent reads as nothing saved.
            return .failure(SelectionStoreError(path: path, problem: .file(error.problem), pathBlocked: error.kind == .missingDirectory))
        }
        return decode(bytes, in: guide)
    }

    /// A saved file's selection: the docs page URL, its five values all given.
    func decode(_ bytes: [UInt8], in guide: Guide) -> Result<Selection?, SelectionStoreError> {
        let text = String(decoding: bytes, as: UTF8.self)
        let imported: URLImport
        do {
            imported = try guide.selection(fromURL: text)
        } catch {
            return .failure(SelectionStoreError(path: path, problem: .notASelection(guide.message(for: error))))
        }
        let missing = guide.propertyIDs.filter { imported.selection[$0] == nil }
        guard missing.isEmpty else {
            let keys = missing.map { guide.property($0).urlKey }
            return .failure(SelectionStoreError(path: path, problem: .missingKeys(keys)))
        }
        return .success(Selection(properties: guide.propertyIDs) { imported.selection[$0] ?? guide.property($0).defaultOption })
    }

    /// Moves an unusable file out of the way, to `last.url.corrupt` or, when that name is
    /// taken (by an earlier corrupt file, or anything else), `last.url.corrupt.1` and so on,
    /// never replacing what is there, so the next save cannot destroy what may be worth a
    /// look. The new path, or nil when it could not be moved (the caller must then not save).
    public func setAside() -> String? {
        for attempt in 0..<100 {
            let aside = path + ".corrupt" + (attempt == 0 ? "" : ".\(attempt)")
            switch AtomicFile.publishWithoutReplacing(path, at: aside) {
            case 0:
                // A hard link leaves the old name too; a no-replace rename does not.
                unlink(path)
                return aside
            case EEXIST: continue
            default: return nil
            }
        }
        return nil
    }

    /// Removes the temporary files that saves killed before their rename left beside the
    /// saved selection (`AtomicFile`'s own, and the `.last.url.<digits>.tmp` of earlier
    /// versions), once they are older than `AtomicFile.staleAge` seconds, so a save running
    /// at this moment keeps its own.
    func removeStaleTemporaryFiles(now: Int = Int(time(nil))) {
        let legacyPrefix = "." + AtomicFile.baseName(of: path) + "."
        AtomicFile.removeStaleTemporaryFiles(in: AtomicFile.directoryName(of: path), now: now) { name in
            let middle = name.dropFirst(legacyPrefix.count).dropLast(".tmp".count)
            let legacy = name.hasPrefix(legacyPrefix) && name.hasSuffix(".tmp") && !middle.isEmpty && middle.allSatisfy(\.isNumber)
            return legacy || AtomicFile.isTemporaryName(name)
        }
    }

    /// Writes the selection atomically as its docs page URL, creating the directory (and
    /// its missing parents) private to the user, 0700, as the XDG spec asks. A file made
    /// read-only is the user's wish to keep it: it is not replaced, and the error says so.
    public func save(_ selection: Selection, in guide: Guide) throws(FileError) {
        try AtomicFile.createDirectory(AtomicFile.directoryName(of: path), mode: 0o700)
        var status = stat()
        // No write bit for anyone counts too: root could replace it, but the owner marked it.
        if lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_mode & 0o222 == 0 || access(path, W_OK) != 0 {
            throw FileError(path: path, kind: .permissionDenied, problem: .selectionReadOnly)
        }
        try AtomicFile.write(guide.url(for: selection) + "\n", to: path, overwrite: .replace)
    }
}
