import ConnectGuideCore
import ConnectGuideDocuments
import ConnectGuideText
import ConnectGuideStorage

/// Which pane a narrow terminal shows; wide terminals show both.
public enum Pane: Hashable, Sendable {
    case properties
    case steps
}

/// A message in the line above the key hints.
public struct Notice: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case info
        /// The rules moved other properties; says which and why.
        case moved
        case error
    }

    public var kind: Kind
    public var text: String
}

/// What the export dialog (and the copy menu) can produce.
public enum ExportFormat: String, CaseIterable, Hashable, Sendable {
    case text
    case markdown
    case json
    case prompt
    case curlV1 = "curl v1"
    case curlV2 = "curl v2"
    case accountJSON = "account JSON"
    case url = "URL"
    case quickstartPython = "quickstart.py"
    case quickstartCurl = "quickstart.sh"

    /// The name a fresh dialog offers for the format.
    public var defaultFileName: String {
        switch self {
        case .text: "connect-guide-plan.txt"
        case .markdown: "connect-guide-plan.md"
        case .json: "connect-guide-plan.json"
        case .prompt: "connect-guide-prompt.md"
        case .curlV1: "connect-guide-account-v1.sh"
        case .curlV2: "connect-guide-account-v2.sh"
        case .accountJSON: "connect-guide-account.json"
        case .url: "connect-guide-url.txt"
        case .quickstartPython: "quickstart.py"
        case .quickstartCurl: "quickstart.sh"
        }
    }

    /// The format a file of this kind gets when its name picks one (`.sh` is the v1 curl).
    init(fileKind: FileKind) {
        switch fileKind {
        case .text: self = .text
        case .markdown: self = .markdown
        case .json: self = .json
        case .shell: self = .curlV1
        case .python: self = .quickstartPython
        }
    }

    /// The kind of file the format writes: `.md` holds Markdown or the prompt, `.json`
    /// either JSON, `.sh` either curl, `.txt` text or the URL.
    var fileKind: FileKind {
        switch self {
        case .text, .url: .text
        case .markdown, .prompt: .markdown
        case .json, .accountJSON: .json
        case .curlV1, .curlV2, .quickstartCurl: .shell
        case .quickstartPython: .python
        }
    }
}

/// The export dialog's fields. The file name is a one-line editor: a cursor, and
/// the edits of readline's common keys.
public struct ExportDialog: Hashable, Sendable {
    /// The longest path the system takes (PATH_MAX, in bytes with the final NUL left out).
    public static let maximumPathBytes = 4096

    public var format: ExportFormat
    /// The file name, one element per character, so the cursor moves by characters.
    public internal(set) var characters: [Character]
    /// Characters before the cursor.
    public internal(set) var cursor: Int
    /// UTF-8 bytes of the name, kept as it changes so the limit costs nothing to check.
    public internal(set) var byteCount: Int
    /// Once the user types a path, changing the format no longer renames it.
    public var pathEdited: Bool = false
    /// Once the user picks a format, the name's extension no longer changes it.
    public var formatChosen: Bool = false
    /// The name is the suggested one, untouched: the first character typed replaces it (as
    /// huh and gum inputs do); a cursor key or an edit keeps it for editing.
    public internal(set) var suggested: Bool = true
    /// Set when the file exists: the dialog asks before replacing it.
    public var confirmingOverwrite: Bool = false
    public var error: ExportProblem?

    public init(format: ExportFormat = .text) {
        self.format = format
        characters = Array(format.defaultFileName)
        cursor = characters.count
        byteCount = format.defaultFileName.utf8.count
    }

    public var path: String { String(characters) }

    /// Text typed or pasted at the cursor. Control characters and line breaks are dropped
    /// (a pasted name cannot end the dialog); what would pass PATH_MAX is left out and said.
    public mutating func insert(_ text: String) {
        var added: [Character] = []
        var bytes = byteCount
        var cut = false
        for character in text where !character.unicodeScalars.contains(where: \.isTerminalControl) {
            let size = character.utf8.count
            if bytes + size > Self.maximumPathBytes {
                cut = true
                break
            }
            bytes += size
            added.append(character)
        }
        if !added.isEmpty {
            if suggested {
                characters = []
                cursor = 0
                bytes -= byteCount
            }
            editPath { $0.characters.insert(contentsOf: added, at: $0.cursor) }
            byteCount = bytes
            cursor += added.count
        }
        if cut { error = .pathTooLong }
    }

    mutating func moveCursor(to position: Int) {
        suggested = false
        cursor = min(max(position, 0), characters.count)
    }

    /// Deletes the characters in `range` (clamped to the name).
    mutating func delete(_ range: Range<Int>) {
        let range = range.clamped(to: 0..<characters.count)
        guard !range.isEmpty else { return }
        byteCount -= characters[range].reduce(0) { $0 + $1.utf8.count }
        editPath { $0.characters.removeSubrange(range) }
        if cursor > range.lowerBound { cursor = max(cursor - range.count, range.lowerBound) }
    }

    /// Ctrl-W: back over spaces and slashes, then over the word before them, as a shell does for paths.
    mutating func deleteWordBackward() {
        var start = cursor
        while start > 0, characters[start - 1] == " " || characters[start - 1] == "/" { start -= 1 }
        while start > 0, characters[start - 1] != " ", characters[start - 1] != "/" { start -= 1 }
        delete(start..<cursor)
    }

    /// A change the user typed: the path is theirs from now on, any old error is moot, and
    /// unless they picked a format, the name's extension picks it.
    private mutating func editPath(_ edit: (inout ExportDialog) -> Void) {
        edit(&self)
        pathEdited = true
        suggested = false
        error = nil
        if !formatChosen, let named = FileKind(fileName: path), named != format.fileKind {
            format = ExportFormat(fileKind: named)
        }
    }

    /// The name's extension, when the chosen format does not suit it: said before saving.
    public var mismatch: String? {
        guard let named = FileKind(fileName: path), named != format.fileKind, let ext = FileKind.fileExtension(of: path) else { return nil }
        return ext
    }
}

/// What the export dialog says is wrong, worded where it is drawn.
public enum ExportProblem: Hashable, Sendable {
    /// A paste or typing went past PATH_MAX; the rest was left out.
    case pathTooLong
    /// Enter with no name.
    case noFileName
    /// The write failed, as the writer says.
    case failed(String)
}

/// A short list to pick from: what to copy, or which link to open.
public struct Menu: Hashable, Sendable {
    public enum Purpose: Hashable, Sendable {
        case copy
        case open
    }

    public struct Item: Hashable, Sendable {
        /// What the line says ("the docs URL").
        public var label: String
        /// The text copied, or the address opened.
        public var payload: String
        /// The plan step whose link it is, if any.
        public var step: Int?

        init(label: String, payload: String, step: Int? = nil) {
            self.label = label
            self.payload = payload
            self.step = step
        }
    }

    public var purpose: Purpose
    public var items: [Item]
    public var cursor = 0
}

/// A panel on top of the panes.
public enum Overlay: Hashable, Sendable {
    case help
    /// An address, whole: `address`, or the docs URL of the selection when nil; `reason`
    /// says why it is shown (no browser to open the link chosen with o, say).
    case url(reason: String?, address: String? = nil)
    case export(ExportDialog)
    case menu(Menu)
    /// The common setups (presets) to start from; `cursor` is the one under the cursor.
    case presets(cursor: Int)
}

/// How a step of the plan differs from the plan before the last change of selection.
public enum StepMark: Character, CaseIterable, Hashable, Sendable {
    case added = "+"
    case changed = "~"
}

/// The marks of the steps a change added or changed, by step slot. A short list, not a
/// dictionary keyed by Int: that dictionary's generic metadata, built at the first choice,
/// checks `Int: Hashable` by scanning every conformance record in the binary, which costs
/// instructions and touches hundreds of KiB of pages.
public struct StepMarks: Hashable, Sendable {
    private struct Entry: Hashable, Sendable {
        let slot: Int
        var mark: StepMark
    }

    private var entries: [Entry] = []

    public init() {}

    public subscript(slot: Int) -> StepMark? {
        get { entries.first { $0.slot == slot }?.mark }
        set {
            let index = entries.firstIndex { $0.slot == slot }
            switch (index, newValue) {
            case (let index?, let mark?): entries[index].mark = mark
            case (let index?, nil): entries.remove(at: index)
            case (nil, let mark?): entries.append(Entry(slot: slot, mark: mark))
            case (nil, nil): break
            }
        }
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// The marks, in the order their steps were first marked.
    public var values: [StepMark] { entries.map(\.mark) }
}

/// How the session was started, for what the screen says and does.
public struct SessionOptions: Hashable, Sendable {
    /// The format `--print` prints on q; nil without --print.
    public var printFormat: String?
    /// Whether links are drawn as terminal hyperlinks (OSC 8), or whole on lines of their own.
    public var hyperlinks: Bool
    /// Where a relative export path starts, and what `~` means, for showing the target.
    public var workingDirectory: String
    public var home: String?
    /// A first start (no saved selection): the guide opens on the preset chooser.
    public var offerPresets: Bool
    /// Inside tmux ($TMUX): a copy (OSC 52) reaches tmux, and the system clipboard only
    /// with tmux's `set-clipboard on`, so the guide says where it sent it.
    public var insideTmux: Bool

    public init(
        printFormat: String? = nil, hyperlinks: Bool = true, workingDirectory: String = "/", home: String? = nil,
        offerPresets: Bool = false, insideTmux: Bool = false
    ) {
        self.offerPresets = offerPresets
        self.insideTmux = insideTmux
        self.printFormat = printFormat
        self.hyperlinks = hyperlinks
        self.workingDirectory = workingDirectory
        self.home = home
    }
}

/// The selection's state with where the cursor was at that moment.
struct Snapshot: Hashable, Sendable {
    let state: GuideState
    let cursor: GuideCursor
}

/// One undoable change of selection: the state before it and after it.
struct HistoryEntry: Hashable, Sendable {
    let before: Snapshot
    let after: Snapshot
}

/// Everything the interactive app shows: the guide's state plus the state of the UI.
/// Changed only by `AppModel.update`.
public struct AppModel: Sendable {
    public let guide: Guide
    /// How wide characters are on the terminal in use; all layout measures with it.
    public let displayWidth: DisplayWidth
    public internal(set) var state: GuideState
    /// The property open and the option under the cursor.
    public internal(set) var cursor: GuideCursor
    public internal(set) var size: TerminalSize
    /// Lines scrolled off the top of the explanation (the focused property's text).
    public internal(set) var explanationScroll = 0
    public internal(set) var stepsScroll = 0
    public internal(set) var helpScroll = 0
    public internal(set) var overlay: Overlay?
    /// The pane a narrow terminal shows.
    public internal(set) var stackedPane: Pane = .properties
    public internal(set) var notice: Notice?
    /// n: the notice shown whole rather than cut to its first lines.
    public internal(set) var noticeExpanded = false
    /// Properties the last choice moved (or a preset changed), highlighted until the next key.
    public internal(set) var movedProperties: PropertySet = []
    /// Steps new or changed by the last change of selection, by slot; kept until the next one.
    public internal(set) var stepMarks = StepMarks()
    /// c: the plan step whose API calls show as code under it in the steps panel.
    public internal(set) var codeStep: Int?
    public let options: SessionOptions
    /// The format of the export being written, off the loop, until its outcome comes back:
    /// the dialog waits for it (Esc closes it, and the outcome is then a notice).
    public internal(set) var exporting: ExportFormat?
    /// A save failed: the session goes on without saving, having said so once.
    public internal(set) var savingStopped = false
    /// Changes of selection to undo, oldest first, and those undone to redo, latest undone last.
    var undoStack: [HistoryEntry] = []
    var redoStack: [HistoryEntry] = []
    /// Shared by copies of the model; keyed by what the memoised text depends on.
    let memo = LayoutMemo()

    public init(guide: Guide, state: GuideState, size: TerminalSize, displayWidth: DisplayWidth = .standard,
        options: SessionOptions = SessionOptions()
    ) {
        self.guide = guide
        self.options = options
        self.displayWidth = displayWidth
        self.state = state
        cursor = GuideCursor(on: guide.propertyIDs[0], in: state.selection)
        self.size = size
        if let change = state.lastChange, !change.moved.isEmpty {
            notice = Notice(kind: .moved, text: Self.describe(change, in: guide))
        }
        if options.offerPresets, !guide.presets.isEmpty { overlay = .presets(cursor: 0) }
    }

    public var plan: Plan { guide.plan(for: state.selection) }

    /// Whose key map the keys go to: the open panel's, or the guide's (nil).
    var keyContext: KeyContext? {
        switch overlay {
        case nil: nil
        case .help: .help
        case .url: .urlView
        case .menu(let menu): menu.purpose == .copy ? .copyMenu : .openMenu
        case .presets: .presets
        case .export(let dialog): exporting != nil ? .exportUnderWay : dialog.confirmingOverwrite ? .exportConfirm : .exportDialog
        }
    }

    /// The notice for a change that moved other properties: what moved, then the rule most
    /// directly behind each move, once.
    /// `undoable` adds how to undo it, ahead of the reasons, so a cut notice still says it.
    static func describe(_ change: SelectionChange, in guide: Guide, undoable: Bool = false) -> String {
        let moves = change.moved.map(guide.destination)
        var ruleIDs: [RuleID] = []
        for id in change.moved.compactMap(\.rules.first) where !ruleIDs.contains(id) { ruleIDs.append(id) }
        // The rule about what the user just chose explains the most; it goes first.
        if case .chose(let property, _) = change.cause {
            let direct = ruleIDs.filter { guide.rule($0)?.properties.contains(property) == true }
            ruleIDs = direct + ruleIDs.filter { !direct.contains($0) }
        }
        let text = guide.text.tui
        let reasons = ruleIDs.compactMap(guide.rule).map { text.ruleReason(summary: $0.summary, rule: $0.id.description) }
            .joined(separator: text.reasonSeparator)
        let list = guide.text.list(moves)
        switch change.cause {
        case .chose(let property, let option):
            let label = guide.optionLabel(property, option)
            return undoable
                ? text.movedByChoiceUndoable(option: label, changes: list, reasons: reasons)
                : text.movedByChoice(option: label, changes: list, reasons: reasons)
        case .reset:
            return undoable ? text.resetDoneUndoable : text.resetDone
        case .loaded:
            return text.startMoved(changes: list, reasons: reasons)
        }
    }
}


// MARK: - Events and effects

/// A key, decoded from the terminal's input (see `KeyDecoder`).
public enum Key: Hashable, Sendable {
    case up
    case down
    case left
    case right
    case tab
    case backTab
    case enter
    case pageUp
    case pageDown
    case home
    case end
    case escape
    case backspace
    case delete
    /// Ctrl-L: repaint the whole screen.
    case redraw
    /// Ctrl-U: clear a text field.
    case clearLine
    /// Another Ctrl-letter (Ctrl-A, Ctrl-R...), by its lower-case letter.
    case control(Character)
    case character(Character)
}

/// Something that happened to the app: input, a new terminal size, or the result of an effect.
public enum UIEvent: Hashable, Sendable {
    case key(Key)
    /// Text pasted in the terminal (bracketed paste): text for a field, never keys.
    case paste(String)
    case resize(TerminalSize)
    case click(HitTarget)
    /// Lines to scroll an area by: negative up, positive down (the mouse wheel).
    case scroll(ScrollArea, Int)
    case exported(ExportOutcome)
    case opened(OpenOutcome)
    /// How the save `update` asked for went.
    case saved(SaveOutcome)
}

/// What the runtime should do after an event; `update` itself does no I/O.
public enum Effect: Hashable, Sendable {
    /// Save the selection for --resume: asked for after every event that changed it, until
    /// a save fails. The runtime saves once the frame is drawn, only the last of several
    /// asked for in one read, and answers with `.saved`.
    case save(Selection)
    /// q: leave with the selection on screen as the choice (printed with --print).
    case quit
    /// Esc with no panel open: leave without choosing (with --print, nothing is printed).
    case cancel
    /// Repaint every cell, not only the ones that changed.
    case repaint
    case export(ExportRequest)
    /// Open an address in the browser; the outcome comes back as `.opened`.
    case open(String)
    /// Put text on the clipboard through the terminal (OSC 52).
    case copy(String)
}

public struct ExportRequest: Hashable, Sendable {
    public var path: String
    public var format: ExportFormat
    public var contents: String
    public var overwrite: Bool
}

public enum ExportOutcome: Hashable, Sendable {
    case written(path: String)
    case exists(path: String)
    case failed(String)
}
