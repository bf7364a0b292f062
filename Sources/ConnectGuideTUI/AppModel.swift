import ConnectGuideCore

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

/// The export dialog's fields.
public struct ExportDialog: Hashable, Sendable {
    public var format: PlanFormat
    public var path: String
    /// Once the user types a path, changing the format no longer renames it.
    public var pathEdited: Bool = false
    /// Set when the file exists: the dialog asks before replacing it.
    public var confirmingOverwrite: Bool = false
    public var error: String?

    public init(format: PlanFormat = .text) {
        self.format = format
        path = Self.defaultPath(for: format)
    }

    /// A change the user typed: the path is theirs from now on, and any old error is moot.
    mutating func editPath(_ edit: (inout String) -> Void) {
        edit(&path)
        pathEdited = true
        error = nil
    }

    public static func defaultPath(for format: PlanFormat) -> String {
        switch format {
        case .text: "connect-guide-plan.txt"
        case .markdown: "connect-guide-plan.md"
        case .json: "connect-guide-plan.json"
        case .prompt: "connect-guide-prompt.md"
        }
    }
}

/// A panel on top of the panes.
public enum Overlay: Hashable, Sendable {
    case help
    case url
    case export(ExportDialog)
}

/// Everything the interactive app shows: the guide's state plus the state of the UI.
/// Changed only by `AppModel.update`.
public struct AppModel: Sendable {
    public let guide: Guide
    /// How wide characters are on the terminal in use; all layout measures with it.
    public let displayWidth: DisplayWidth
    public internal(set) var state: GuideState
    public internal(set) var size: TerminalSize
    /// Lines scrolled off the top of the explanation (the focused property's text).
    public internal(set) var explanationScroll = 0
    public internal(set) var stepsScroll = 0
    public internal(set) var helpScroll = 0
    public internal(set) var overlay: Overlay?
    /// The pane a narrow terminal shows.
    public internal(set) var stackedPane: Pane = .properties
    public internal(set) var notice: Notice?
    /// Shared by copies of the model; keyed by what the memoised text depends on.
    let memo = LayoutMemo()

    public init(guide: Guide, state: GuideState, size: TerminalSize, displayWidth: DisplayWidth = .standard) {
        self.guide = guide
        self.displayWidth = displayWidth
        self.state = state
        self.size = size
        if let change = state.lastChange, !change.moved.isEmpty {
            notice = Notice(kind: .moved, text: Self.describe(change, in: guide))
        }
    }

    public var plan: Plan { guide.plan(for: state.selection) }

    /// The notice for a change that moved other properties: what moved, then the rule most
    /// directly behind each move, once.
    static func describe(_ change: SelectionChange, in guide: Guide) -> String {
        let moves = change.moved.map(guide.destination)
        var ruleIDs: [RuleID] = []
        for id in change.moved.compactMap(\.rules.first) where !ruleIDs.contains(id) { ruleIDs.append(id) }
        // The rule about what the user just chose explains the most; it goes first.
        if case .chose(let property, _) = change.cause {
            let direct = ruleIDs.filter { guide.rule($0)?.properties.contains(property) == true }
            ruleIDs = direct + ruleIDs.filter { !direct.contains($0) }
        }
        let reasons = ruleIDs.compactMap(guide.rule).map { "\($0.summary) (\($0.id))" }.joined(separator: "; ")
        let list = listed(moves)
        switch change.cause {
        case .chose(let property, let option):
            return "Choosing \(guide.optionLabel(property, option)) also set \(list). Why: \(reasons)."
        case .reset:
            return "Every property is back to its default."
        case .loaded:
            return "The starting selection could not stand as given, so it set \(list). Why: \(reasons)."
        }
    }
}

/// "a", "a and b", "a, b and c".
func listed(_ items: [String]) -> String {
    guard items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " and " + items.last!
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
}

/// What the runtime should do after an event; `update` itself does no I/O.
public enum Effect: Hashable, Sendable {
    case none
    /// q: leave with the selection on screen as the choice (printed with --print).
    case quit
    /// Esc with no panel open: leave without choosing (with --print, nothing is printed).
    case cancel
    /// Repaint every cell, not only the ones that changed.
    case repaint
    case export(ExportRequest)
}

public struct ExportRequest: Hashable, Sendable {
    public var path: String
    public var format: PlanFormat
    public var contents: String
    public var overwrite: Bool
}

public enum ExportOutcome: Hashable, Sendable {
    case written(path: String)
    case exists(path: String)
    case failed(String)
}
