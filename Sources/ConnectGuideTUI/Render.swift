import ConnectGuideCore

/// Draws the whole screen for a model: a pure function, tested with golden frames.
/// Without colour, roles become attributes (bold, underline) so nothing depends on colour.
public func render(_ model: AppModel, color: Bool = true) -> Frame {
    var frame = Frame(size: model.size, displayWidth: model.displayWidth)
    let layout = ScreenLayout(model)
    if layout.mode == .tooSmall {
        drawTooSmall(&frame, size: model.size)
    } else {
        drawTitleBar(&frame, layout: layout)
        if let pane = layout.propertiesPane, let content = layout.properties {
            drawPropertiesPane(&frame, pane: pane, content: content)
        }
        if let pane = layout.stepsPane, let content = layout.steps {
            drawStepsPane(&frame, pane: pane, content: content, focused: layout.mode != .wide)
        }
        for (index, line) in layout.noticeLines.enumerated() {
            draw(line, into: &frame, column: 0, row: model.size.rows - 1 - layout.noticeLines.count + index, width: model.size.columns)
        }
        drawHints(&frame, hints: keyHints(model: model, mode: layout.mode), row: model.size.rows - 1)
        if let overlay = model.overlay {
            drawOverlay(&frame, overlay: overlay, model: model)
        }
    }
    if !color { frame.dropColor() }
    return frame
}

// MARK: - Pieces

private func drawTooSmall(_ frame: inout Frame, size: TerminalSize) {
    let needed = ScreenLayout.minimumSize
    let paragraphs = [
        "Terminal too small",
        "This window is \(size.columns)x\(size.rows); the guide needs at least \(needed.columns)x\(needed.rows).",
        "Make the window larger: everything resumes where you left it. q quits.",
    ]
    var lines: [(String, CellStyle)] = []
    for (index, paragraph) in paragraphs.enumerated() {
        if index > 0 { lines.append(("", [])) }
        for line in wrapText(paragraph, width: size.columns - 2, displayWidth: frame.displayWidth) {
            lines.append((line, index == 0 ? [.bold] : []))
        }
    }
    let top = max((size.rows - lines.count) / 2, 0)
    for (index, (line, style)) in lines.enumerated() {
        let column = max((size.columns - frame.displayWidth.of(line)) / 2, 0)
        frame.write(line, column: column, row: top + index, style: style, role: index == 0 ? .warning : .plain)
    }
}

private func drawTitleBar(_ frame: inout Frame, layout: ScreenLayout) {
    let model = layout.model
    let columns = model.size.columns
    frame.fill(Rect(x: 0, y: 0, width: columns, height: 1), role: .title)
    var hints = ["[?] help", "[q] quit"]
    if case .stacked(let pane) = layout.mode {
        hints.insert(pane == .properties ? "[w] steps" : "[w] properties", at: 0)
    }
    // The API version in force always shows: it decides which combinations exist. The
    // longest title that leaves room for the key hints wins.
    let guide = model.guide
    let version = guide.apiVersion.description
    let titles = [
        " \(guide.title) · Accounts v1 page, maps onto v2 · Stripe API \(version)",
        " \(guide.title) · Stripe API \(version)",
        " \(guide.title) · API \(version)",
        " Connect guide · API \(version)",
    ]
    let rights = [hints.joined(separator: "  ") + " ", hints.joined(separator: " ") + " "]
    let measure = frame.displayWidth
    var choice: (title: String, right: String?)?
    for title in titles {
        if let right = rights.first(where: { measure.of(title) + measure.of($0) + 1 <= columns }) {
            choice = (title, right)
            break
        }
    }
    // Too narrow for the hints (the key bar has them too): the title and version alone.
    let (title, right) = choice ?? (titles.dropLast().last { measure.of($0) <= columns } ?? titles[titles.count - 1], nil)
    frame.write(measure.truncate(title, to: columns), column: 0, row: 0, style: [.bold], role: .title)
    if let right {
        frame.write(right, column: columns - measure.of(right), row: 0, role: .title)
    }
}

private func drawPropertiesPane(_ frame: inout Frame, pane: Rect, content: PropertiesPaneLayout) {
    frame.box(pane, title: "Properties")
    let inner = pane.inset(by: 1)
    // The layout's rows add up to the inner height; the guard keeps a miscount off the border.
    let bottom = inner.y + inner.height
    var row = inner.y
    func place(_ line: TextLine) {
        if row < bottom { draw(line, into: &frame, column: inner.x, row: row, width: inner.width) }
        row += 1
    }
    content.selectors.forEach(place)
    if row < bottom { frame.divider(pane, row: row, title: content.sectionTitle) }
    row += 1
    (content.intro + content.options).forEach(place)
    guard row < bottom else { return }
    frame.divider(pane, row: row, title: content.explanationTitle)
    let explanation = content.explanation
    if explanation.hiddenAbove > 0 {
        frame.borderLabel("↑ \(explanation.hiddenAbove) more", rect: pane, row: row)
    }
    row += 1
    let area = Rect(x: inner.x, y: row, width: inner.width, height: min(explanation.visibleRows, bottom - row))
    frame.addHitRegion(area, .scrollArea(.explanation))
    explanation.visible.forEach(place)
    if explanation.hiddenBelow > 0 {
        frame.borderLabel("↓ \(explanation.hiddenBelow) more, PgDn", rect: pane, row: pane.y + pane.height - 1)
    }
}

private func drawStepsPane(_ frame: inout Frame, pane: Rect, content: ScrolledLines, focused: Bool) {
    frame.box(pane, title: "Integration steps for your selections")
    let inner = pane.inset(by: 1)
    frame.addHitRegion(inner, .scrollArea(.steps))
    for (index, line) in content.visible.enumerated() {
        draw(line, into: &frame, column: inner.x, row: inner.y + index, width: inner.width)
    }
    if content.hiddenAbove > 0 {
        frame.borderLabel("↑ \(content.hiddenAbove) more", rect: pane, row: pane.y)
    }
    if content.hiddenBelow > 0 {
        let keys = focused ? "PgDn" : "]"
        frame.borderLabel("↓ \(content.hiddenBelow) more, \(keys)", rect: pane, row: pane.y + pane.height - 1)
    }
}

/// Places a content line: its spans from `column`, cut at `width`, with its row style
/// and click target over the whole width.
private func draw(_ line: TextLine, into frame: inout Frame, column: Int, row: Int, width: Int) {
    var x = column
    for span in line.spans {
        let room = column + width - x
        guard room > 0 else { break }
        x += frame.write(span.text, column: x, row: row, width: room, style: span.style, role: span.role)
    }
    let whole = Rect(x: column, y: row, width: width, height: 1)
    if !line.rowStyle.isEmpty { frame.highlight(whole, style: line.rowStyle) }
    if let target = line.target { frame.addHitRegion(whole, target) }
}

func drawHints(_ frame: inout Frame, hints: [(key: String, action: String)], row: Int) {
    var column = 1
    let limit = frame.size.columns - 1
    for hint in hints {
        let width = frame.displayWidth.of(hint.key) + 1 + frame.displayWidth.of(hint.action)
        guard column + width <= limit else { break }
        column += frame.write(hint.key, column: column, row: row, style: [.bold], role: .heading)
        column += frame.write(" " + hint.action + "  ", column: column, row: row, role: .muted)
    }
}

func keyHints(model: AppModel, mode: ScreenMode) -> [(key: String, action: String)] {
    switch model.overlay {
    case .help:
        return [("↑↓", "scroll"), ("Esc", "close"), ("q", "quit")]
    case .url:
        return [("Esc", "close"), ("q", "quit")]
    case .export(let dialog):
        if dialog.confirmingOverwrite { return [("y", "replace the file"), ("n", "keep it")] }
        return [("Tab", "format"), ("Enter", "save"), ("Esc", "cancel")]
    case nil:
        break
    }
    switch mode {
    case .stacked(.steps):
        return [("↑↓ PgUp/PgDn", "scroll"), ("w", "properties"), ("e", "export"), ("u", "url"), ("?", "help"), ("q", "quit")]
    case .stacked:
        return [
            ("↑↓", "option"), ("←→", "property"), ("Enter", "select"), ("PgUp/PgDn", "scroll"), ("w", "steps"),
            ("e", "export"), ("?", "help"),
        ]
    default:
        return [
            ("↑↓", "option"), ("←→/Tab", "property"), ("Enter", "select"), ("PgUp/PgDn", "scroll"), ("[ ]", "steps"),
            ("r", "reset"), ("e", "export"), ("u", "url"), ("?", "help"),
        ]
    }
}

// MARK: - Overlays

/// Every key, as the help overlay lists it.
let helpEntries: [(keys: String, action: String)] = [
    ("↑ ↓  k j", "move the cursor through the options"),
    ("← →  h l", "previous or next property"),
    ("Tab  Shift-Tab", "next or previous property"),
    ("1 to 5", "jump to a property"),
    ("Enter  Space", "choose the option under the cursor"),
    ("Home  End", "first or last option"),
    ("PgUp  PgDn", "scroll the explanation (the steps in the steps view)"),
    ("[  ]", "scroll the steps panel"),
    ("w", "narrow terminals: switch between properties and steps"),
    ("mouse", "click a property or an option; the wheel scrolls"),
    ("r", "reset every choice to its default"),
    ("e", "export the plan: text, Markdown, JSON or prompt"),
    ("u", "show the docs page URL for this selection"),
    ("?", "show or hide this help"),
    ("Ctrl-L", "repaint the screen"),
    ("Ctrl-Z", "suspend; fg brings the guide back"),
    ("Esc", "close a panel; with none open, quit without choosing"),
    ("q", "quit choosing this plan (printed with --print)"),
    ("Ctrl-C", "abort at once, printing nothing"),
]

/// The help overlay's lines at a given inner width.
func helpLines(width: Int, displayWidth: DisplayWidth) -> [TextLine] {
    let keyWidth = helpEntries.map { displayWidth.of($0.keys) }.max() ?? 0
    var lines: [TextLine] = []
    for entry in helpEntries {
        let wrapped = wrapText(entry.action, width: width - keyWidth - 4, displayWidth: displayWidth)
        for (index, piece) in wrapped.enumerated() {
            lines.append(TextLine([
                Span(text: " " + displayWidth.pad(index == 0 ? entry.keys : "", to: keyWidth) + "  ", style: [.bold], role: .heading),
                Span(text: piece),
            ]))
        }
    }
    lines.append(.blank)
    lines += hangingParagraph(
        "A choice that breaks a rule moves the other properties to the nearest combination that works; "
            + "options marked → say what they would move.",
        prefix: "", width: width, role: .muted, displayWidth: displayWidth)
    return lines
}

/// The box an overlay takes: centred, at most `width` x `height`.
func overlayRect(size: TerminalSize, width: Int, height: Int) -> Rect {
    let boxWidth = min(width, size.columns - 4)
    let boxHeight = min(height, size.rows - 2)
    return Rect(x: (size.columns - boxWidth) / 2, y: max((size.rows - boxHeight) / 2, 1), width: boxWidth, height: boxHeight)
}

/// The help overlay's box and scrolled lines at the model's size.
func helpLayout(_ model: AppModel) -> (rect: Rect, lines: ScrolledLines) {
    let width = min(model.size.columns - 4, 72)
    let lines = helpLines(width: width - 2, displayWidth: model.displayWidth)
    let rect = overlayRect(size: model.size, width: width, height: lines.count + 2)
    return (rect, ScrolledLines(lines: lines, visibleRows: rect.height - 2, requestedOffset: model.helpScroll))
}

private func drawOverlay(_ frame: inout Frame, overlay: Overlay, model: AppModel) {
    switch overlay {
    case .help:
        let (rect, lines) = helpLayout(model)
        drawPanel(&frame, rect: rect, title: "Keys", lines: Array(lines.visible))
        frame.addHitRegion(rect, .scrollArea(.help))
        if lines.hiddenBelow > 0 { frame.borderLabel("↓ \(lines.hiddenBelow) more", rect: rect, row: rect.y + rect.height - 1) }
        if lines.hiddenAbove > 0 { frame.borderLabel("↑ \(lines.hiddenAbove) more", rect: rect, row: rect.y) }
    case .url:
        let url = model.guide.url(for: model.state.selection)
        let width = min(model.size.columns - 4, 100)
        var lines = hangingParagraph(
            "The docs page with this selection (open it in a browser, or share it):", prefix: "", width: width - 2,
            role: .muted, displayWidth: model.displayWidth)
        lines.append(.blank)
        lines += wrapText(url, width: width - 3, displayWidth: model.displayWidth).map {
            TextLine([Span(text: " "), Span(text: $0, style: [.underline], role: .link)])
        }
        drawPanel(&frame, rect: overlayRect(size: model.size, width: width, height: lines.count + 2), title: "Docs URL", lines: lines)
    case .export(let dialog):
        drawExportDialog(&frame, dialog: dialog, model: model)
    }
}

private func drawPanel(_ frame: inout Frame, rect: Rect, title: String, lines: [TextLine]) {
    frame.fill(rect)
    frame.box(rect, title: title, role: .focus)
    frame.coverHitRegions(with: rect)
    let inner = rect.inset(by: 1)
    for (index, line) in lines.prefix(inner.height).enumerated() {
        draw(line, into: &frame, column: inner.x, row: inner.y + index, width: inner.width)
    }
}

private func drawExportDialog(_ frame: inout Frame, dialog: ExportDialog, model: AppModel) {
    let width = min(model.size.columns - 4, 72)
    let measure = model.displayWidth
    var lines: [TextLine] = []
    var formatSpans = [Span(text: " Format  ", style: [.bold])]
    for format in PlanFormat.allCases {
        let chosen = format == dialog.format
        formatSpans.append(Span(
            text: (chosen ? "(•) " : "( ) ") + format.rawValue, style: chosen ? [.reverse, .bold] : [],
            role: chosen ? .selected : .plain))
        formatSpans.append(Span(text: "  "))
    }
    lines.append(TextLine(formatSpans))
    let fieldWidth = width - 2 - 9 - 1
    // The end of a long path matters most: show its tail.
    var shown = dialog.path
    while measure.of(shown) > fieldWidth - 1, !shown.isEmpty { shown.removeFirst() }
    lines.append(TextLine([
        Span(text: " File    ", style: [.bold]),
        Span(text: measure.pad(shown + (dialog.confirmingOverwrite ? "" : "▏"), to: fieldWidth), style: [.underline]),
    ]))
    lines.append(.blank)
    if dialog.confirmingOverwrite {
        lines += hangingParagraph(
            "\(dialog.path) already exists. Replace it? y replaces, n keeps it.", prefix: "", width: width - 2,
            style: [.bold], role: .warning, displayWidth: measure)
    } else if let error = dialog.error {
        lines += hangingParagraph(error, prefix: "", width: width - 2, style: [.bold], role: .warning, displayWidth: measure)
    } else {
        lines += hangingParagraph(
            "Tab or ←→ changes the format; type to edit the file name (relative to the current directory). "
                + "Enter saves, Esc cancels.",
            prefix: "", width: width - 2, role: .muted, displayWidth: measure)
    }
    drawPanel(&frame, rect: overlayRect(size: model.size, width: width, height: lines.count + 2), title: "Export the plan", lines: lines)
}

// MARK: - Colour

extension Frame {
    /// The monochrome form: roles become plain, with attributes standing in where a role
    /// carried meaning.
    mutating func dropColor() {
        for index in cells.indices {
            let role = cells[index].role
            switch role {
            case .selected, .warning, .notice, .callout, .title, .heading: cells[index].style.insert(.bold)
            default: break
            }
            cells[index].role = .plain
        }
    }
}
