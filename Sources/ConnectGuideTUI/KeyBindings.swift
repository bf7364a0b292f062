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
public enum KeyContext: String, CaseIterable, Hashable, Sendable {
    case guide = "The guide"
    case help = "This help"
    case urlView = "The URL view (v)"
    case copyMenu = "The copy menu (y)"
    case openMenu = "The open menu (o)"
    case presets = "The preset chooser (p)"
    case exportDialog = "The export dialog's file name"
    case exportConfirm = "The export dialog, asking before it replaces a file"
    case exportUnderWay = "The export dialog, while it saves"
    /// Keys every panel takes besides its own.
    case anyPanel = "Every panel"
}

/// The help's groups, in the order it shows them.
public enum KeyGroup: String, CaseIterable, Hashable, Sendable {
    case move = "Move"
    case choose = "Choose"
    case output = "Output"
    case quit = "Screen and quit"
}

/// A key bar entry: the keys in short, and what they do in a word or two.
public struct KeyHint: Sendable {
    public let keys: String
    public let action: String
    /// Numbered items (the preset chooser's digits): the keys show as "1-N" for the N
    /// items there are.
    public let numbered: Bool

    /// The keys as the bar shows them, for `count` numbered items.
    func keys(count: Int) -> String { numbered ? "1-\(count)" : keys }
}

/// One line of the key table: the keys, what they do, and their short form for the key bar.
public struct KeyBinding: Sendable {
    public let context: KeyContext
    /// Where the help lists it; nil outside the guide.
    public let group: KeyGroup?
    /// The keys as the help and the README show them.
    public let keys: String
    public let help: String
    /// The key bar's wording, when it has one.
    public let hint: KeyHint?
    /// Which key runs which command; empty for keys the terminal layer handles (Ctrl-C).
    public let commands: [(key: Key, command: Command)]

    init(
        _ context: KeyContext, _ group: KeyGroup?, _ keys: String, _ help: String, hint: (String, String)? = nil,
        numbered: Bool = false, _ commands: [(Key, Command)] = []
    ) {
        self.context = context
        self.group = group
        self.keys = keys
        self.help = help
        self.hint = hint.map { KeyHint(keys: $0.0, action: $0.1, numbered: numbered) }
        self.commands = commands.map { (key: $0.0, command: $0.1) }
    }
}

/// Every key of the guide and its panels, context by context. The update function, the key
/// bars, the `?` help and the README's key table all come from this list.
public let keyBindings: [KeyBinding] = [
    KeyBinding(.guide, .move, "↑ ↓  k j", "move the cursor through the options (scroll in the steps view)", hint: ("↑↓", "option"),
               [(.up, .previousOption), (.character("k"), .previousOption), (.down, .nextOption), (.character("j"), .nextOption)]),
    KeyBinding(.guide, .move, "← →  h l  Tab  Shift-Tab", "previous or next property", hint: ("←→", "property"),
               [(.left, .previousProperty), (.character("h"), .previousProperty), (.backTab, .previousProperty),
                (.right, .nextProperty), (.character("l"), .nextProperty), (.tab, .nextProperty)]),
    KeyBinding(.guide, .choose, "p", "choose a common setup (a preset) to start from; u undoes it", hint: ("p", "presets"),
               [(.character("p"), .presets)]),
    KeyBinding(.guide, .move, "1 to 5", "jump to a property",
               (1...5).map { (Key.character(Character(String($0))), Command.jumpToProperty($0 - 1)) }),
    KeyBinding(.guide, .choose, "Enter  Space", "choose the option under the cursor", hint: ("Enter", "select"),
               [(.enter, .select), (.character(" "), .select)]),
    KeyBinding(.guide, .move, "Home  End", "first or last option", [(.home, .firstOption), (.end, .lastOption)]),
    KeyBinding(.guide, .move, "PgUp  PgDn", "scroll the explanation (the steps in the steps view)", hint: ("PgUp/PgDn", "scroll"),
               [(.pageUp, .previousPage), (.pageDown, .nextPage)]),
    KeyBinding(.guide, .move, "[  ]", "scroll the steps panel", hint: ("[ ]", "steps"),
               [(.character("["), .stepsUp), (.character("]"), .stepsDown)]),
    KeyBinding(.guide, .move, "w", "narrow terminals: switch between properties and steps", hint: ("w", "steps"),
               [(.character("w"), .switchPane)]),
    KeyBinding(.guide, .choose, "mouse", "click a property or an option; the wheel scrolls"),
    KeyBinding(.guide, .choose, "u", "undo the last choice or reset, with what it moved", hint: ("u", "undo"),
               [(.character("u"), .undo)]),
    KeyBinding(.guide, .choose, "Ctrl-R", "redo what u undid", hint: ("^R", "redo"), [(.control("r"), .redo)]),
    KeyBinding(.guide, .choose, "r", "reset every choice to its default (u undoes it)", hint: ("r", "reset"),
               [(.character("r"), .reset)]),
    KeyBinding(.guide, .output, "e", "export: the plan (text, Markdown, JSON, prompt), curl v1 or v2, account JSON, URL, quickstart.py/.sh",
               hint: ("e", "export"), [(.character("e"), .export)]),
    KeyBinding(.guide, .output, "o", "open a link in the browser ($BROWSER or xdg-open): the docs page or a step's link",
               hint: ("o", "open"), [(.character("o"), .open)]),
    KeyBinding(.guide, .output, "y", "copy to the clipboard (OSC 52): the URL (y y), the plan, curl v1 or v2, JSON, a step's code",
               hint: ("y", "copy"), [(.character("y"), .copy)]),
    KeyBinding(.guide, .output, "c", "show the next step's API calls as code under it",
               [(.character("c"), .showCode)]),
    KeyBinding(.guide, .output, "v", "view the docs page URL for this selection, whole", hint: ("v", "url"),
               [(.character("v"), .showURL)]),
    KeyBinding(.guide, .quit, "?", "show or hide this help", hint: ("?", "help"), [(.character("?"), .help)]),
    KeyBinding(.guide, .quit, "n", "show the notice in full, or cut it back to its first lines", [(.character("n"), .expandNotice)]),
    KeyBinding(.guide, .quit, "Ctrl-L", "repaint the screen", [(.redraw, .repaint)]),
    KeyBinding(.guide, .quit, "Ctrl-Z", "suspend; fg brings the guide back"),
    KeyBinding(.guide, .quit, "Esc", "close a panel or the notice; with --print and nothing open, cancel (exit 1)",
               [(.escape, .close)]),
    KeyBinding(.guide, .quit, "q", "close a panel; with none open, quit (with --print: done, print the plan)",
               [(.character("q"), .quit)]),
    KeyBinding(.guide, .quit, "Ctrl-C", "abort at once, printing nothing (exit 130)"),

    KeyBinding(.help, nil, "↑ ↓  k j", "scroll a line", hint: ("↑↓", "scroll"),
               [(.up, .scrollUp), (.character("k"), .scrollUp), (.down, .scrollDown), (.character("j"), .scrollDown)]),
    KeyBinding(.help, nil, "PgUp  PgDn", "scroll a page", [(.pageUp, .previousPage), (.pageDown, .nextPage)]),
    KeyBinding(.help, nil, "Home  End", "the top or the end", [(.home, .top), (.end, .bottom)]),
    KeyBinding(.help, nil, "Esc  ?  q  Enter", "close the help", hint: ("Esc", "close"),
               [(.escape, .close), (.character("?"), .close), (.character("q"), .close), (.enter, .close)]),

    KeyBinding(.urlView, nil, "y", "copy the address (OSC 52)", hint: ("y", "copy"), [(.character("y"), .copy)]),
    KeyBinding(.urlView, nil, "o", "open it in the browser", hint: ("o", "open"), [(.character("o"), .open)]),
    KeyBinding(.urlView, nil, "Esc  v  q  Enter", "close the view", hint: ("Esc", "close"),
               [(.escape, .close), (.character("v"), .close), (.character("q"), .close), (.enter, .close)]),

    KeyBinding(.copyMenu, nil, "↑ ↓  k j  Tab  Shift-Tab", "move through the list (round it)", hint: ("↑↓", "choose"),
               listMoves),
    KeyBinding(.copyMenu, nil, "Home  End", "first or last item", [(.home, .firstItem), (.end, .lastItem)]),
    KeyBinding(.copyMenu, nil, "Enter  y", "copy the item under the cursor (y y copies the docs URL)", hint: ("Enter", "copy"),
               [(.enter, .activate), (.character("y"), .activate)]),
    KeyBinding(.copyMenu, nil, "Esc  q", "close the menu", hint: ("Esc", "close"), [(.escape, .close), (.character("q"), .close)]),

    KeyBinding(.openMenu, nil, "↑ ↓  k j  Tab  Shift-Tab", "move through the list (round it)", hint: ("↑↓", "choose"),
               listMoves),
    KeyBinding(.openMenu, nil, "Home  End", "first or last link", [(.home, .firstItem), (.end, .lastItem)]),
    KeyBinding(.openMenu, nil, "1 to 9", "the first link of that step",
               (1...9).map { (Key.character(Character(String($0))), Command.jumpToStep($0)) }),
    KeyBinding(.openMenu, nil, "Enter  o", "open the link under the cursor in the browser", hint: ("Enter", "open"),
               [(.enter, .activate), (.character("o"), .activate)]),
    KeyBinding(.openMenu, nil, "Esc  q", "close the menu", hint: ("Esc", "close"), [(.escape, .close), (.character("q"), .close)]),

    KeyBinding(.presets, nil, "↑ ↓  k j  Tab  Shift-Tab", "move through the setups (round the list)", hint: ("↑↓", "choose"),
               listMoves),
    KeyBinding(.presets, nil, "Home  End", "first or last setup", [(.home, .firstItem), (.end, .lastItem)]),
    KeyBinding(.presets, nil, "Enter  Space", "load the setup under the cursor (u undoes it)", hint: ("Enter", "load"),
               [(.enter, .activate), (.character(" "), .activate)]),
    KeyBinding(.presets, nil, "1 to 9", "load the setup with that number", hint: ("1-9", "load that one"), numbered: true,
               (1...9).map { (Key.character(Character(String($0))), Command.chooseNumbered($0)) }),
    KeyBinding(.presets, nil, "Esc  q  p", "close, keeping the selection as it is", hint: ("Esc", "keep as is"),
               [(.escape, .close), (.character("q"), .close), (.character("p"), .close)]),

    KeyBinding(.exportDialog, nil, "Tab  Shift-Tab  ↑ ↓", "next or previous format (else the name's extension picks it)",
               hint: ("Tab", "format"),
               [(.tab, .nextFormat), (.down, .nextFormat), (.backTab, .previousFormat), (.up, .previousFormat)]),
    KeyBinding(.exportDialog, nil, "Enter", "save", hint: ("Enter", "save"), [(.enter, .save)]),
    KeyBinding(.exportDialog, nil, "Esc", "cancel", hint: ("Esc", "cancel"), [(.escape, .close)]),
    KeyBinding(.exportDialog, nil, "← →", "move the cursor", hint: ("←→ ^A ^E ^W ^U", "edit"),
               [(.left, .cursorLeft), (.right, .cursorRight)]),
    KeyBinding(.exportDialog, nil, "Home  End  Ctrl-A  Ctrl-E", "start or end of the name",
               [(.home, .lineStart), (.control("a"), .lineStart), (.end, .lineEnd), (.control("e"), .lineEnd)]),
    KeyBinding(.exportDialog, nil, "Backspace  Delete", "delete before or under the cursor",
               [(.backspace, .deleteBackward), (.delete, .deleteForward)]),
    KeyBinding(.exportDialog, nil, "Ctrl-W  Ctrl-U", "delete the word before the cursor, or the whole name",
               [(.control("w"), .deleteWord), (.clearLine, .clearLine)]),

    KeyBinding(.exportConfirm, nil, "y", "replace the file", hint: ("y", "replace the file"),
               [(.character("y"), .replace), (.character("Y"), .replace)]),
    KeyBinding(.exportConfirm, nil, "n  Esc", "keep it, and go back to the name", hint: ("n", "keep it"),
               [(.character("n"), .keep), (.character("N"), .keep), (.escape, .keep)]),

    KeyBinding(.exportUnderWay, nil, "Esc", "close the dialog; the outcome shows as a notice", hint: ("Esc", "close"),
               [(.escape, .close)]),

    KeyBinding(.anyPanel, nil, "Ctrl-L", "repaint the screen", [(.redraw, .repaint)]),
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
func hint(for command: Command, in context: KeyContext = .guide) -> (key: String, action: String)? {
    keyBindings.first { $0.context == context && $0.commands.contains { $0.command == command } }?.hint
        .map { (key: $0.keys, action: $0.action) }
}

/// A panel's key bar: every binding of its map that has a hint, in the map's order;
/// `count` items for numbered keys.
func keyBar(_ context: KeyContext, count: Int = 0) -> [(key: String, action: String)] {
    keyBindings.filter { $0.context == context }.compactMap(\.hint).map { (key: $0.keys(count: count), action: $0.action) }
}

/// In the steps view the arrows and pages scroll the steps, and w goes back.
let stepsViewHints: [(key: String, action: String)] = [("↑↓ PgUp/PgDn", "scroll"), ("w", "properties")]

/// With --print, how the session ends, first in the key bar.
func printEndingHints(_ format: String) -> [(key: String, action: String)] {
    [("q", "done: prints \(format)"), ("Esc", "cancel")]
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
public func keyTableMarkdown() -> String {
    var lines: [String] = []
    for (title, bindings) in keySections() {
        if !lines.isEmpty { lines.append("") }
        lines += ["\(title):", "", "| Keys | What they do |", "| --- | --- |"]
        for binding in bindings {
            let keys = binding.keys.split(separator: "  ").map { "`\($0)`" }.joined(separator: " ")
            lines.append("| \(keys) | \(binding.help.replacingPipes()) |")
        }
    }
    return lines.joined(separator: "\n") + "\n"
}

/// The key table as the help and the README list it: the guide's keys group by group
/// (move, choose, output, screen and quit), then each panel's.
func keySections() -> [(title: String, bindings: [KeyBinding])] {
    var sections: [(title: String, bindings: [KeyBinding])] = []
    for context in KeyContext.allCases {
        let bindings = keyBindings.filter { $0.context == context }
        if context == .guide {
            for group in KeyGroup.allCases {
                sections.append(("\(context.rawValue): \(group.rawValue.lowercased())", bindings.filter { $0.group == group }))
            }
        } else {
            sections.append((context.rawValue, bindings))
        }
    }
    return sections
}

extension String {
    fileprivate func replacingPipes() -> String {
        split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
    }
}
