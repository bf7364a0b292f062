/// What a key does. `update` acts on commands, never on keys, so the table below is the
/// only place that says which key does what (as bubbles' `key.Binding` and huh's `KeyMap`).
public enum Command: Hashable, Sendable {
    // The guide
    case previousOption, nextOption, previousProperty, nextProperty
    case jumpToProperty(Int)
    case select, firstOption, lastOption, pageUp, pageDown, stepsUp, stepsDown
    case switchPane, reset, undo, redo, export, open, copy, showURL, help, repaint, quit, close
    case presets, expandNotice, showCode
    // Line editing in the export dialog
    case cursorLeft, cursorRight, lineStart, lineEnd, deleteBackward, deleteForward, deleteWord, clearLine
    case nextFormat, previousFormat, save
}

/// Where a binding applies.
public enum KeyContext: String, CaseIterable, Hashable, Sendable {
    case guide = "The guide"
    case exportDialog = "The export dialog's file name"
}

/// The help's groups, in the order it shows them.
public enum KeyGroup: String, CaseIterable, Hashable, Sendable {
    case move = "Move"
    case choose = "Choose"
    case output = "Output"
    case quit = "Screen and quit"
}

/// One line of the key table: the keys, what they do, and their short form for the key bar.
public struct KeyBinding: Sendable {
    public let context: KeyContext
    /// Where the help lists it; nil outside the guide.
    public let group: KeyGroup?
    /// The keys as the help and the README show them.
    public let keys: String
    public let help: String
    /// The key bar's wording, when it has one: (keys, action).
    public let hint: (keys: String, action: String)?
    /// Which key runs which command; empty for keys the terminal layer handles (Ctrl-C).
    public let commands: [(key: Key, command: Command)]

    init(
        _ context: KeyContext, _ group: KeyGroup?, _ keys: String, _ help: String, hint: (String, String)? = nil,
        _ commands: [(Key, Command)] = []
    ) {
        self.context = context
        self.group = group
        self.keys = keys
        self.help = help
        self.hint = hint.map { (keys: $0.0, action: $0.1) }
        self.commands = commands.map { (key: $0.0, command: $0.1) }
    }
}

/// Every key of the guide. The update function, the key bar, the `?` help and the
/// README's key table all come from this list.
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
               [(.pageUp, .pageUp), (.pageDown, .pageDown)]),
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

    KeyBinding(.exportDialog, nil, "← →", "move the cursor", [(.left, .cursorLeft), (.right, .cursorRight)]),
    KeyBinding(.exportDialog, nil, "Home  End  Ctrl-A  Ctrl-E", "start or end of the name",
               [(.home, .lineStart), (.control("a"), .lineStart), (.end, .lineEnd), (.control("e"), .lineEnd)]),
    KeyBinding(.exportDialog, nil, "Backspace  Delete", "delete before or under the cursor",
               [(.backspace, .deleteBackward), (.delete, .deleteForward)]),
    KeyBinding(.exportDialog, nil, "Ctrl-W  Ctrl-U", "delete the word before the cursor, or the whole name",
               [(.control("w"), .deleteWord), (.clearLine, .clearLine)]),
    KeyBinding(.exportDialog, nil, "Tab  Shift-Tab  ↑ ↓", "next or previous format (else the name's extension picks it)",
               hint: ("Tab", "format"),
               [(.tab, .nextFormat), (.down, .nextFormat), (.backTab, .previousFormat), (.up, .previousFormat)]),
    KeyBinding(.exportDialog, nil, "Enter", "save", hint: ("Enter", "save"), [(.enter, .save)]),
    KeyBinding(.exportDialog, nil, "Esc", "cancel", hint: ("Esc", "cancel"), [(.escape, .close)]),
]

/// The command a key runs in a context, from the table.
func command(for key: Key, in context: KeyContext) -> Command? {
    for binding in keyBindings where binding.context == context {
        if let match = binding.commands.first(where: { $0.key == key }) { return match.command }
    }
    return nil
}

/// The key bar's entry for the binding running `command`.
func hint(for command: Command, in context: KeyContext = .guide) -> (key: String, action: String)? {
    keyBindings.first { $0.context == context && $0.commands.contains { $0.command == command } }?.hint
        .map { (key: $0.keys, action: $0.action) }
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
/// (move, choose, output, screen and quit), then the export dialog's.
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
