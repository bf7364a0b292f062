import ConnectGuideText

/// What a key does. `update` acts on commands, never on keys, so the tables below are the
/// only place that says which key does what (as bubbles' `key.Binding` and huh's `KeyMap`).
public enum Command: Hashable, Sendable {
    // The guide
    case previousOption, nextOption, previousProperty, nextProperty
    case jumpToProperty(Int)
    case select, firstOption, lastOption, previousPage, nextPage, stepsUp, stepsDown
    case switchPane, reset, undo, redo, export, open, copy, showURL, help, repaint, quit, close
    case presets, expandNotice, showCode
    // The panels: scrolling, lists, and what their items do
    case scrollUp, scrollDown, top, bottom
    case previousItem, nextItem, firstItem, lastItem, activate
    /// In the open menu: the first link of step N.
    case jumpToStep(Int)
    /// In the preset chooser: load setup N (from 1).
    case chooseNumbered(Int)
    // Line editing in the export dialog
    case cursorLeft, cursorRight, lineStart, lineEnd, deleteBackward, deleteForward, deleteWord, clearLine
    case nextFormat, previousFormat, save
    // The export dialog's question before replacing a file
    case replace, keep
}

/// Where a binding applies: the guide, each panel over it, and the export dialog's states.
/// Each has a key map of its own; the help and the README list them in this order.
public enum KeyContext: CaseIterable, Hashable, Sendable {
    case guide, help, urlView, copyMenu, openMenu, presets, exportDialog, exportConfirm, exportUnderWay
    /// Keys every panel takes besides its own.
    case anyPanel

    /// Its name in the help and the README.
    func title(_ text: UIText.TUI) -> String {
        switch self {
        case .guide: text.contextGuide
        case .help: text.contextHelp
        case .urlView: text.contextURLView
        case .copyMenu: text.contextCopyMenu
        case .openMenu: text.contextOpenMenu
        case .presets: text.contextPresets
        case .exportDialog: text.contextExportDialog
        case .exportConfirm: text.contextExportConfirm
        case .exportUnderWay: text.contextExportUnderWay
        case .anyPanel: text.contextAnyPanel
        }
    }
}

/// The help's groups, in the order it shows them.
public enum KeyGroup: CaseIterable, Hashable, Sendable {
    case move, choose, output, quit

    func title(_ text: UIText.TUI) -> String {
        switch self {
        case .move: text.groupMove
        case .choose: text.groupChoose
        case .output: text.groupOutput
        case .quit: text.groupQuit
        }
    }
}

/// Words from the strings table, chosen once here and worded in the locale in use.
typealias Wording = @Sendable (UIText.TUI) -> String

/// A key bar entry: the keys in short, and what they do in a word or two.
public struct KeyHint: Sendable {
    public let keys: String
    let action: Wording
    /// Numbered items (the preset chooser's digits): the keys show as "1-N" for the N
    /// items there are.
    public let numbered: Bool

    /// The keys as the bar shows them, for `count` numbered items.
    func keys(count: Int) -> String { numbered ? "1-\(count)" : keys }
}

/// The keys of a line of the key table as the help and the README show them: key names as
/// they are on the keyboard ("Home  End", "Ctrl-L"), or words from the strings table where
/// the line names no key ("1 to 5", "mouse").
struct KeyNames: Sendable, ExpressibleByStringLiteral {
    let wording: Wording

    init(stringLiteral names: String) { wording = { _ in names } }
    init(_ wording: @escaping Wording) { self.wording = wording }
}

/// One line of the key table: the keys, what they do, and their short form for the key bar.
public struct KeyBinding: Sendable {
    public let context: KeyContext
    /// Where the help lists it; nil outside the guide.
    public let group: KeyGroup?
    let names: KeyNames
    let help: Wording
    /// The key bar's wording, when it has one.
    public let hint: KeyHint?
    /// Which key runs which command; empty for keys the terminal layer handles (Ctrl-C).
    public let commands: [(key: Key, command: Command)]

    init(
        _ context: KeyContext, _ group: KeyGroup?, _ keys: KeyNames, _ help: @escaping Wording, hint: String? = nil,
        action: Wording? = nil,
        numbered: Bool = false, _ commands: [(Key, Command)] = []
    ) {
        self.context = context
        self.group = group
        self.names = keys
        self.help = help
        if let hint, let action {
            self.hint = KeyHint(keys: hint, action: action, numbered: numbered)
        } else {
            self.hint = nil
        }
        self.commands = commands.map { (key: $0.0, command: $0.1) }
    }

    /// The keys as the help and the README show them, in the locale of `text`.
    public func keys(_ text: UIText.TUI) -> String { names.wording(text) }
}

/// Every key of the guide and its panels, context by context. The update function, the key
/// bars, the `?` help and the README's key table all come from this list.
public let keyBindings: [KeyBinding] = [
    KeyBinding(.guide, .move, "↑ ↓  k j", { $0.keyGuidePreviousOption }, hint: "↑↓", action: { $0.hintGuidePreviousOption },
               [(.up, .previousOption), (.character("k"), .previousOption), (.down, .nextOption), (.character("j"), .nextOption)]),
    KeyBinding(.guide, .move, "← →  h l  Tab  Shift-Tab", { $0.keyGuidePreviousProperty }, hint: "←→", action: { $0.hintGuidePreviousProperty },
               [(.left, .previousProperty), (.character("h"), .previousProperty), (.backTab, .previousProperty),
                (.right, .nextProperty), (.character("l"), .nextProperty), (.tab, .nextProperty)]),
    KeyBinding(.guide, .choose, "p", { $0.keyGuidePresets }, hint: "p", action: { $0.hintGuidePresets },
               [(.character("p"), .presets)]),
    KeyBinding(.guide, .move, KeyNames { $0.keysNumbered(first: "1", last: "5") }, { $0.keyGuideJumpToProperty },
               (1...5).map { (Key.character(Character(String($0))), Command.jumpToProperty($0 - 1)) }),
    KeyBinding(.guide, .choose, "Enter  Space", { $0.keyGuideSelect }, hint: "Enter", action: { $0.hintGuideSelect },
               [(.enter, .select), (.character(" "), .select)]),
    KeyBinding(.guide, .move, "Home  End", { $0.keyGuideFirstOption }, [(.home, .firstOption), (.end, .lastOption)]),
    KeyBinding(.guide, .move, "PgUp  PgDn", { $0.keyGuidePreviousPage }, hint: "PgUp/PgDn", action: { $0.hintGuidePreviousPage },
               [(.pageUp, .previousPage), (.pageDown, .nextPage)]),
    KeyBinding(.guide, .move, "[  ]", { $0.keyGuideStepsUp }, hint: "[ ]", action: { $0.hintGuideStepsUp },
               [(.character("["), .stepsUp), (.character("]"), .stepsDown)]),
    KeyBinding(.guide, .move, "w", { $0.keyGuideSwitchPane }, hint: "w", action: { $0.hintGuideSwitchPane },
               [(.character("w"), .switchPane)]),
    KeyBinding(.guide, .choose, KeyNames { $0.keysMouse }, { $0.keyGuideMouse }),
    KeyBinding(.guide, .choose, "u", { $0.keyGuideUndo }, hint: "u", action: { $0.hintGuideUndo },
               [(.character("u"), .undo)]),
    KeyBinding(.guide, .choose, "Ctrl-R", { $0.keyGuideRedo }, hint: "^R", action: { $0.hintGuideRedo }, [(.control("r"), .redo)]),
    KeyBinding(.guide, .choose, "r", { $0.keyGuideReset }, hint: "r", action: { $0.hintGuideReset },
               [(.character("r"), .reset)]),
    KeyBinding(.guide, .output, "e", { $0.keyGuideExport },
               hint: "e", action: { $0.hintGuideExport }, [(.character("e"), .export)]),
    KeyBinding(.guide, .output, "o", { $0.keyGuideOpen },
               hint: "o", action: { $0.hintGuideOpen }, [(.character("o"), .open)]),
    KeyBinding(.guide, .output, "y", { $0.keyGuideCopy },
               hint: "y", action: { $0.hintGuideCopy }, [(.character("y"), .copy)]),
    KeyBinding(.guide, .output, "c", { $0.keyGuideShowCode },
               [(.character("c"), .showCode)]),
    KeyBinding(.guide, .output, "v", { $0.keyGuideShowURL }, hint: "v", action: { $0.hintGuideShowURL },
               [(.character("v"), .showURL)]),
    KeyBinding(.guide, .quit, "?", { $0.keyGuideHelp }, hint: "?", action: { $0.hintGuideHelp }, [(.character("?"), .help)]),
    KeyBinding(.guide, .quit, "n", { $0.keyGuideExpandNotice }, [(.character("n"), .expandNotice)]),
    KeyBinding(.guide, .quit, "Ctrl-L", { $0.keyGuideRepaint }, [(.redraw, .repaint)]),
    KeyBinding(.guide, .quit, "Ctrl-Z", { $0.keyGuideSuspend }),
    KeyBinding(.guide, .quit, "Esc", { $0.keyGuideClose },
               [(.escape, .close)]),
    KeyBinding(.guide, .quit, "q", { $0.keyGuideQuit },
               [(.character("q"), .quit)]),
    KeyBinding(.guide, .quit, "Ctrl-C", { $0.keyGuideAbort }),

    KeyBinding(.help, nil, "↑ ↓  k j", { $0.keyHelpScrollUp }, hint: "↑↓", action: { $0.hintHelpScrollUp },
               [(.up, .scrollUp), (.character("k"), .scrollUp), (.down, .scrollDown), (.character("j"), .scrollDown)]),
    KeyBinding(.help, nil, "PgUp  PgDn", { $0.keyHelpPreviousPage }, [(.pageUp, .previousPage), (.pageDown, .nextPage)]),
    KeyBinding(.help, nil, "Home  End", { $0.keyHelpTop }, [(.home, .top), (.end, .bottom)]),
    KeyBinding(.help, nil, "Esc  ?  q  Enter", { $0.keyHelpClose }, hint: "Esc", action: { $0.hintHelpClose },
               [(.escape, .close), (.character("?"), .close), (.character("q"), .close), (.enter, .close)]),

    KeyBinding(.urlView, nil, "y", { $0.keyUrlViewCopy }, hint: "y", action: { $0.hintUrlViewCopy }, [(.character("y"), .copy)]),
    KeyBinding(.urlView, nil, "o", { $0.keyUrlViewOpen }, hint: "o", action: { $0.hintUrlViewOpen }, [(.character("o"), .open)]),
    KeyBinding(.urlView, nil, "Esc  v  q  Enter", { $0.keyUrlViewClose }, hint: "Esc", action: { $0.hintUrlViewClose },
               [(.escape, .close), (.character("v"), .close), (.character("q"), .close), (.enter, .close)]),

    KeyBinding(.copyMenu, nil, "↑ ↓  k j  Tab  Shift-Tab", { $0.keyCopyMenuPreviousItem }, hint: "↑↓", action: { $0.hintCopyMenuPreviousItem },
               listMoves),
    KeyBinding(.copyMenu, nil, "Home  End", { $0.keyCopyMenuFirstItem }, [(.home, .firstItem), (.end, .lastItem)]),
    KeyBinding(.copyMenu, nil, "Enter  y", { $0.keyCopyMenuActivate }, hint: "Enter", action: { $0.hintCopyMenuActivate },
               [(.enter, .activate), (.character("y"), .activate)]),
    KeyBinding(.copyMenu, nil, "Esc  q", { $0.keyCopyMenuClose }, hint: "Esc", action: { $0.hintCopyMenuClose }, [(.escape, .close), (.character("q"), .close)]),

    KeyBinding(.openMenu, nil, "↑ ↓  k j  Tab  Shift-Tab", { $0.keyOpenMenuPreviousItem }, hint: "↑↓", action: { $0.hintOpenMenuPreviousItem },
               listMoves),
    KeyBinding(.openMenu, nil, "Home  End", { $0.keyOpenMenuFirstItem }, [(.home, .firstItem), (.end, .lastItem)]),
    KeyBinding(.openMenu, nil, KeyNames { $0.keysNumbered(first: "1", last: "9") }, { $0.keyOpenMenuJumpToStep },
               (1...9).map { (Key.character(Character(String($0))), Command.jumpToStep($0)) }),
    KeyBinding(.openMenu, nil, "Enter  o", { $0.keyOpenMenuActivate }, hint: "Enter", action: { $0.hintOpenMenuActivate },
               [(.enter, .activate), (.character("o"), .activate)]),
    KeyBinding(.openMenu, nil, "Esc  q", { $0.keyOpenMenuClose }, hint: "Esc", action: { $0.hintOpenMenuClose }, [(.escape, .close), (.character("q"), .close)]),

    KeyBinding(.presets, nil, "↑ ↓  k j  Tab  Shift-Tab", { $0.keyPresetsPreviousItem }, hint: "↑↓", action: { $0.hintPresetsPreviousItem },
               listMoves),
    KeyBinding(.presets, nil, "Home  End", { $0.keyPresetsFirstItem }, [(.home, .firstItem), (.end, .lastItem)]),
    KeyBinding(.presets, nil, "Enter  Space", { $0.keyPresetsActivate }, hint: "Enter", action: { $0.hintPresetsActivate },
               [(.enter, .activate), (.character(" "), .activate)]),
    KeyBinding(.presets, nil, KeyNames { $0.keysNumbered(first: "1", last: "9") }, { $0.keyPresetsChooseNumbered }, hint: "1-9", action: { $0.hintPresetsChooseNumbered }, numbered: true,
               (1...9).map { (Key.character(Character(String($0))), Command.chooseNumbered($0)) }),
    KeyBinding(.presets, nil, "Esc  q  p", { $0.keyPresetsClose }, hint: "Esc", action: { $0.hintPresetsClose },
               [(.escape, .close), (.character("q"), .close), (.character("p"), .close)]),

    KeyBinding(.exportDialog, nil, "Tab  Shift-Tab  ↑ ↓", { $0.keyExportDialogNextFormat },
               hint: "Tab", action: { $0.hintExportDialogNextFormat },
               [(.tab, .nextFormat), (.down, .nextFormat), (.backTab, .previousFormat), (.up, .previousFormat)]),
    KeyBinding(.exportDialog, nil, "Enter", { $0.keyExportDialogSave }, hint: "Enter", action: { $0.hintExportDialogSave }, [(.enter, .save)]),
    KeyBinding(.exportDialog, nil, "Esc", { $0.keyExportDialogClose }, hint: "Esc", action: { $0.hintExportDialogClose }, [(.escape, .close)]),
    KeyBinding(.exportDialog, nil, "← →", { $0.keyExportDialogCursorLeft }, hint: "←→ ^A ^E ^W ^U", action: { $0.hintExportDialogCursorLeft },
               [(.left, .cursorLeft), (.right, .cursorRight)]),
    KeyBinding(.exportDialog, nil, "Home  End  Ctrl-A  Ctrl-E", { $0.keyExportDialogLineStart },
               [(.home, .lineStart), (.control("a"), .lineStart), (.end, .lineEnd), (.control("e"), .lineEnd)]),
    KeyBinding(.exportDialog, nil, "Backspace  Delete", { $0.keyExportDialogDeleteBackward },
               [(.backspace, .deleteBackward), (.delete, .deleteForward)]),
    KeyBinding(.exportDialog, nil, "Ctrl-W  Ctrl-U", { $0.keyExportDialogDeleteWord },
               [(.control("w"), .deleteWord), (.clearLine, .clearLine)]),

    KeyBinding(.exportConfirm, nil, "y", { $0.keyExportConfirmReplace }, hint: "y", action: { $0.hintExportConfirmReplace },
               [(.character("y"), .replace), (.character("Y"), .replace)]),
    KeyBinding(.exportConfirm, nil, "n  Esc", { $0.keyExportConfirmKeep }, hint: "n", action: { $0.hintExportConfirmKeep },
               [(.character("n"), .keep), (.character("N"), .keep), (.escape, .keep)]),

    KeyBinding(.exportUnderWay, nil, "Esc", { $0.keyExportUnderWayClose }, hint: "Esc", action: { $0.hintExportUnderWayClose },
               [(.escape, .close)]),

    KeyBinding(.anyPanel, nil, "Ctrl-L", { $0.keyAnyPanelRepaint }, [(.redraw, .repaint)]),
]

/// Up and down a list, round it: the moves of every list panel.
private let listMoves: [(Key, Command)] = [
    (.up, .previousItem), (.character("k"), .previousItem), (.backTab, .previousItem),
    (.down, .nextItem), (.character("j"), .nextItem), (.tab, .nextItem),
]

/// The command a key runs in a context, from its key map; a panel also takes the keys of
/// every panel.
func command(for key: Key, in context: KeyContext) -> Command? {
    var contexts = [context]
    if context != .guide && context != .anyPanel { contexts.append(.anyPanel) }
    for context in contexts {
        for binding in keyBindings where binding.context == context {
            if let match = binding.commands.first(where: { $0.key == key }) { return match.command }
        }
    }
    return nil
}

/// The key bar's entry for the binding running `command`.
func hint(for command: Command, in context: KeyContext = .guide, text: UIText.TUI) -> (key: String, action: String)? {
    keyBindings.first { $0.context == context && $0.commands.contains { $0.command == command } }?.hint
        .map { (key: $0.keys, action: $0.action(text)) }
}

/// A panel's key bar: every binding of its map that has a hint, in the map's order;
/// `count` items for numbered keys.
func keyBar(_ context: KeyContext, count: Int = 0, text: UIText.TUI) -> [(key: String, action: String)] {
    keyBindings.filter { $0.context == context }.compactMap(\.hint).map { (key: $0.keys(count: count), action: $0.action(text)) }
}

/// In the steps view the arrows and pages scroll the steps, and w goes back.
func stepsViewHints(_ text: UIText.TUI) -> [(key: String, action: String)] {
    [("↑↓ PgUp/PgDn", text.hintStepsViewScroll), ("w", text.hintStepsViewBack)]
}

/// With --print, how the session ends, first in the key bar.
func printEndingHints(_ format: String, text: UIText.TUI) -> [(key: String, action: String)] {
    [("q", text.hintPrintDone(format: format)), ("Esc", text.hintPrintCancel)]
}

/// The guide's key bar in each view: what fits goes first, and the rest is in the help.
func guideBar(_ mode: ScreenMode) -> [Command] {
    switch mode {
    case .stacked(.steps):
        [.export, .open, .copy, .showURL, .undo, .help]
    case .stacked:
        // Export, open, copy and the URL before the rest: the header has ? and q.
        [.nextOption, .nextProperty, .select, .switchPane, .export, .open, .copy, .showURL, .undo, .help, .presets]
    default:
        [.nextOption, .nextProperty, .select, .help, .presets, .undo, .redo, .reset, .export, .open, .copy, .showURL, .stepsDown, .nextPage]
    }
}

/// The key table in Markdown, as the README carries it between its `keys` markers;
/// a test keeps the two the same.
public func keyTableMarkdown(text: UIText.TUI) -> String {
    var lines: [String] = []
    for (title, bindings) in keySections(text) {
        if !lines.isEmpty { lines.append("") }
        lines += ["\(title):", "", "| Keys | What they do |", "| --- | --- |"]
        for binding in bindings {
            let keys = binding.keys(text).split(separator: "  ").map { "`\($0)`" }.joined(separator: " ")
            lines.append("| \(keys) | \(binding.help(text).replacingPipes()) |")
        }
    }
    return lines.joined(separator: "\n") + "\n"
}

/// The key table as the help and the README list it: the guide's keys group by group
/// (move, choose, output, screen and quit), then each panel's.
func keySections(_ text: UIText.TUI) -> [(title: String, bindings: [KeyBinding])] {
    var sections: [(title: String, bindings: [KeyBinding])] = []
    for context in KeyContext.allCases {
        let bindings = keyBindings.filter { $0.context == context }
        if context == .guide {
            for group in KeyGroup.allCases {
                sections.append((text.guideGroupTitle(context: context.title(text), group: group.title(text)), bindings.filter { $0.group == group }))
            }
        } else {
            sections.append((context.title(text), bindings))
        }
    }
    return sections
}

extension String {
    fileprivate func replacingPipes() -> String {
        split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
    }
}
