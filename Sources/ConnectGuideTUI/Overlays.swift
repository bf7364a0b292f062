// The panels drawn over the panes: the key help, the preset chooser, the docs URL, the copy
// and open menus and the export dialog, each with its layout.

import ConnectGuideCore
import ConnectGuideDocuments
import ConnectGuideText

/// The help overlay's lines at a given inner width: the key table, group by group, then
/// what the marks on screen mean.
func helpLines(width: Int, displayWidth: DisplayWidth, text: UIText.TUI) -> [TextLine] {
    // Keys longer than the column get a line of their own above what they do.
    let keyWidth = min(keyBindings.map { displayWidth.of($0.keys(text)) }.max() ?? 0, 14)
    var lines: [TextLine] = []
    func entry(_ keys: String, _ help: String) {
        var keys = keys
        if displayWidth.of(keys) > keyWidth {
            lines.append(TextLine(" " + keys, style: [.bold], role: .heading))
            keys = ""
        }
        let wrapped = wrapText(help, width: width - keyWidth - 4, displayWidth: displayWidth)
        for (index, piece) in wrapped.enumerated() {
            lines.append(TextLine([
                Span(text: " " + displayWidth.pad(index == 0 ? keys : "", to: keyWidth) + "  ", style: [.bold], role: .heading),
                Span(text: piece),
            ]))
        }
    }
    for (title, bindings) in keySections(text) {
        if !lines.isEmpty { lines.append(.blank) }
        lines.append(TextLine(" " + title, style: [.bold, .underline], role: .heading))
        for binding in bindings { entry(binding.keys(text), binding.help(text)) }
    }
    lines.append(.blank)
    lines.append(TextLine(" " + text.marksHeading, style: [.bold, .underline], role: .heading))
    for (mark, meaning) in markLegend(text) { entry(mark, meaning) }
    return lines
}

/// The marks the guide draws, for the help's legend.
func markLegend(_ text: UIText.TUI) -> [(mark: String, meaning: String)] {
    [
        ("▸", text.markCursor),
        ("(•)", text.markChosen),
        ("!", text.markAgainst),
        ("*", text.markAdvisory),
        ("→ " + text.previewSets(changes: "…"), text.markPreview),
        ("◂", text.markMoved),
        ("\(StepMark.added.rawValue)  \(StepMark.changed.rawValue)", text.markStepChanged),
        ("★", text.markRecommended),
    ]
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
    let lines = helpLines(width: width - 2, displayWidth: model.displayWidth, text: model.guide.text.tui)
    let rect = overlayRect(size: model.size, width: width, height: lines.count + 2)
    return (rect, ScrolledLines(lines: lines, visibleRows: rect.height - 2, requestedOffset: model.helpScroll))
}

func drawOverlay(_ frame: inout Frame, overlay: Overlay, model: AppModel) {
    let text = model.guide.text.tui
    switch overlay {
    case .help:
        let (rect, lines) = helpLayout(model)
        drawPanel(&frame, rect: rect, title: text.helpTitle, lines: Array(lines.visible))
        frame.addHitRegion(rect, .scrollArea(.help))
        if lines.hiddenBelow > 0 { frame.borderLabel(text.moreBelow(count: lines.hiddenBelow), rect: rect, row: rect.y + rect.height - 1) }
        if lines.hiddenAbove > 0 { frame.borderLabel(text.moreAbove(count: lines.hiddenAbove), rect: rect, row: rect.y) }
    case .url(let reason, let address):
        drawURLView(&frame, reason: reason, address: address, model: model)
    case .menu(let menu):
        drawMenu(&frame, menu: menu, model: model)
    case .export(let dialog):
        drawExportDialog(&frame, dialog: dialog, model: model)
    case .presets(let cursor):
        let (rect, lines) = presetsLayout(model, cursor: cursor)
        drawPanel(&frame, rect: rect, title: text.presetsTitle, lines: Array(lines.visible))
        if lines.hiddenBelow > 0 { frame.borderLabel(text.moreBelow(count: lines.hiddenBelow), rect: rect, row: rect.y + rect.height - 1) }
        if lines.hiddenAbove > 0 { frame.borderLabel(text.moreAbove(count: lines.hiddenAbove), rect: rect, row: rect.y) }
    }
}

/// Only a setup that matches Stripe's own recommendations says so.
private func presetSourceLabel(_ preset: Preset, text: UIText.TUI) -> String {
    preset.stripeRecommends ? text.presetStripeRecommends : text.presetSource
}

/// The preset chooser: each setup with its number, who it fits, and its source link; the
/// window follows the cursor on a short screen.
/// A preset's line in the chooser: its number and name, and a mark when it is the
/// selection now.
private func presetLine(_ model: AppModel, head: String, preset: Preset, underCursor: Bool, index: Int) -> TextLine {
    var spans = [
        Span(text: head, style: [.bold], role: underCursor ? .focus : .heading),
        Span(text: preset.label, style: underCursor ? [.reverse, .bold] : [.bold], role: underCursor ? .focus : .plain),
    ]
    if preset.selection == model.state.selection { spans.append(Span(text: "  " + model.guide.text.tui.presetCurrent, role: .muted)) }
    // A click on it loads it.
    return TextLine(spans, target: .preset(index))
}

func presetsLayout(_ model: AppModel, cursor: Int) -> (rect: Rect, lines: ScrolledLines) {
    let measure = model.displayWidth
    let width = min(model.size.columns - 4, 84)
    var lines = hangingParagraph(
        model.guide.text.tui.presetsIntro,
        prefix: "", width: width - 2, role: .muted, displayWidth: measure)
    lines.append(.blank)
    var cursorRows = 0..<0
    for (index, preset) in model.guide.presets.enumerated() {
        let underCursor = index == cursor
        let start = lines.count
        let head = (underCursor ? " ▸ " : "   ") + "\(index + 1) "
        lines.append(presetLine(model, head: head, preset: preset, underCursor: underCursor, index: index))
        lines += hangingParagraph(preset.fits, prefix: "     ", width: width - 3, displayWidth: measure).map {
            TextLine($0.spans, target: .preset(index))
        }
        if let source = preset.sources.first {
            let indent = "    "
            lines += linkLines(label: presetSourceLabel(preset, text: model.guide.text.tui), url: source.url, indent: indent, width: width - 2, model: model)
        }
        if underCursor { cursorRows = start..<lines.count }
        lines.append(.blank)
    }
    if lines.count + 2 > model.size.rows - 2 {
        // Too short for every preset in full: one line each, then who the one under the
        // cursor fits and its source, so all of them show at once.
        let presets = model.guide.presets
        lines = presets.enumerated().map { index, preset in
            let underCursor = index == cursor
            return presetLine(model, head: (underCursor ? " ▸ " : "   ") + "\(index + 1) ", preset: preset, underCursor: underCursor, index: index)
        }
        lines.append(.blank)
        let preset = presets[min(max(cursor, 0), presets.count - 1)]
        lines += hangingParagraph(preset.fits, prefix: "", width: width - 3, role: .muted, displayWidth: measure)
        if let source = preset.sources.first {
            lines += linkLines(label: presetSourceLabel(preset, text: model.guide.text.tui), url: source.url, indent: "", width: width - 2, model: model)
        }
        cursorRows = cursor..<(cursor + 1)
    }
    let rect = overlayRect(size: model.size, width: width, height: lines.count + 2)
    let visible = rect.height - 2
    // Keep the whole preset under the cursor in view.
    let offset = min(max(cursorRows.upperBound - visible, 0), cursorRows.lowerBound)
    return (rect, ScrolledLines(lines: lines, visibleRows: visible, requestedOffset: offset))
}

/// The docs URL across the whole width, with rules above and below but no side borders,
/// so a mouse selection of it picks up nothing but the address.
private func drawURLView(_ frame: inout Frame, reason: String?, address: String?, model: AppModel) {
    let url = address ?? model.guide.url(for: model.state.selection)
    let columns = model.size.columns
    var lines = wrapText(
        reason ?? model.guide.text.tui.urlIntro, width: columns - 2,
        displayWidth: model.displayWidth
    ).map { TextLine(" " + $0, role: .muted) }
    lines.append(.blank)
    // Wrapped after a / or -, whole; each piece links to it all.
    for piece in wrapAddress(url, width: columns, displayWidth: model.displayWidth) {
        lines.append(TextLine([Span(text: piece, style: [.underline], role: .link, link: url)]))
    }
    let height = min(lines.count + 2, model.size.rows - 2)
    let rect = Rect(x: 0, y: max((model.size.rows - height) / 2, 1), width: columns, height: height)
    frame.fill(rect)
    frame.dropLinks(under: rect)
    frame.coverHitRegions(with: rect)
    let rule = String(repeating: "─", count: columns)
    frame.write(rule, column: 0, row: rect.y, role: .focus)
    frame.write(" " + (address == nil ? model.guide.text.tui.urlTitle : model.guide.text.tui.linkTitle) + " ", column: 2, row: rect.y, style: [.bold], role: .heading)
    frame.write(rule, column: 0, row: rect.y + rect.height - 1, role: .focus)
    for (index, line) in lines.prefix(max(height - 2, 0)).enumerated() {
        draw(line, into: &frame, column: 0, row: rect.y + 1 + index, width: columns)
    }
}

private func drawMenu(_ frame: inout Frame, menu: Menu, model: AppModel) {
    let measure = model.displayWidth
    let width = min(model.size.columns - 4, 76)
    var lines: [TextLine] = []
    // A window of items around the cursor when the screen is short.
    let address = menu.purpose == .open && !model.options.hyperlinks && menu.items.indices.contains(menu.cursor)
        ? wrapAddress(menu.items[menu.cursor].payload, width: width - 3, displayWidth: measure) : []
    let room = max(model.size.rows - 2 - 2 - 2 - (address.isEmpty ? 0 : address.count + 1), 1)
    let first = min(max(menu.cursor - room / 2, 0), max(menu.items.count - room, 0))
    for (index, item) in menu.items.enumerated() where index >= first && index < first + room {
        let underCursor = index == menu.cursor
        let text = (underCursor ? " ▸ " : "   ") + item.label
        var spans = [Span(text: text, style: underCursor ? [.reverse, .bold] : [], role: underCursor ? .focus : .plain)]
        // As a hyperlink, a cut address still holds the whole one; without hyperlinks an
        // address is never cut: the one under the cursor is shown whole below the list.
        if menu.purpose == .open, model.options.hyperlinks {
            let room = width - 2 - measure.of(text) - 2
            if room > 8 { spans.append(Span(text: "  " + measure.truncate(item.payload, to: room), role: .link, link: item.payload)) }
        }
        lines.append(TextLine(spans))
    }
    if !address.isEmpty {
        lines.append(.blank)
        lines += address.map {
            TextLine([Span(text: " "), Span(text: $0, style: [.underline], role: .link)])
        }
    }
    lines.append(.blank)
    let text = model.guide.text.tui
    lines += hangingParagraph(
        menu.purpose == .copy ? text.copyMenuHelp : text.openMenuHelp, prefix: "", width: width - 2, role: .muted, displayWidth: measure)
    let title = menu.purpose == .copy ? text.copyTitle : text.openTitle
    drawPanel(&frame, rect: overlayRect(size: model.size, width: width, height: lines.count + 2), title: title, lines: lines)
}

private func drawPanel(_ frame: inout Frame, rect: Rect, title: String, lines: [TextLine]) {
    frame.fill(rect)
    frame.dropLinks(under: rect)
    frame.box(rect, title: title, role: .focus)
    frame.coverHitRegions(with: rect)
    let inner = rect.inset(by: 1)
    for (index, line) in lines.prefix(inner.height).enumerated() {
        draw(line, into: &frame, column: inner.x, row: inner.y + index, width: inner.width)
    }
}

/// The part of a one-line field's text to show around the cursor, found in one pass
/// over at most the visible characters: as much before the cursor as fits (a long path's
/// end matters most), then what follows it. "…" marks a cut at either end.
func fieldWindow(_ characters: [Character], cursor: Int, width: Int, displayWidth: DisplayWidth)
    -> (text: String, cursorColumn: Int, cursorCharacter: Character)
{
    let width = max(width, 2)
    let cursor = min(max(cursor, 0), characters.count)
    // The cursor's own cell takes one column.
    var start = cursor
    var before = 0
    while start > 0 {
        let next = displayWidth.of(characters[start - 1])
        if before + next > width - 1 { break }
        before += next
        start -= 1
    }
    var end = cursor
    var used = before + 1
    if end < characters.count {
        used = before + max(displayWidth.of(characters[end]), 1)
        end += 1
    }
    while end < characters.count {
        let next = displayWidth.of(characters[end])
        if used + next > width { break }
        used += next
        end += 1
    }
    var shown = Array(characters[start..<end])
    var cursorIndex = cursor - start
    if start > 0, !shown.isEmpty, cursorIndex > 0 {
        shown[0] = "…"
    }
    if end < characters.count, shown.count > cursorIndex + 1 {
        shown[shown.count - 1] = "…"
    }
    cursorIndex = min(cursorIndex, shown.count)
    let head = String(shown[..<cursorIndex])
    let under = cursorIndex < shown.count ? shown[cursorIndex] : " "
    return (String(shown), displayWidth.of(head), under)
}

/// The end of a long text, cut from the left with "…", measured from the end only.
func tail(of text: String, width: Int, displayWidth: DisplayWidth) -> String {
    var kept: [Character] = []
    var used = 0
    var cut = false
    for character in text.reversed() {
        let next = displayWidth.of(character)
        if used + next > width - 1 {
            cut = true
            break
        }
        used += next
        kept.append(character)
    }
    // Everything fits when nothing was cut; the reserved column was not needed.
    return cut ? "…" + String(kept.reversed()) : text
}

private func drawExportDialog(_ frame: inout Frame, dialog: ExportDialog, model: AppModel) {
    let width = min(model.size.columns - 4, 76)
    let measure = model.displayWidth
    let text = model.guide.text.tui
    var lines: [TextLine] = []
    // The labels take one column: a space, the longest of them, and two spaces.
    let labelWidth = 1 + max(measure.of(text.formatLabel), measure.of(text.fileLabel), measure.of(text.savesLabel)) + 2
    func label(_ name: String) -> String { " " + measure.pad(name, to: labelWidth - 1) }
    // The formats flow over as many lines as they need.
    var spans = [Span(text: label(text.formatLabel), style: [.bold])]
    var used = labelWidth
    for format in ExportFormat.allCases {
        let chosen = format == dialog.format
        let name = (chosen ? "(•) " : "( ) ") + format.rawValue
        if used + measure.of(name) > width - 2 {
            lines.append(TextLine(spans))
            spans = [Span(text: String(repeating: " ", count: labelWidth))]
            used = labelWidth
        }
        spans.append(Span(text: name, style: chosen ? [.reverse, .bold] : [], role: chosen ? .selected : .plain))
        spans.append(Span(text: "  "))
        used += measure.of(name) + 2
    }
    lines.append(TextLine(spans))
    let fieldWidth = width - 2 - labelWidth - 1
    let field = fieldWindow(dialog.characters, cursor: dialog.cursor, width: fieldWidth, displayWidth: measure)
    let fieldRow = lines.count
    lines.append(TextLine([
        Span(text: label(text.fileLabel), style: [.bold]),
        Span(text: measure.pad(field.text, to: fieldWidth), style: [.underline]),
    ]))
    let target = displayedPath(resolve(dialog.path, workingDirectory: model.options.workingDirectory, home: model.options.home))
    lines.append(TextLine([
        Span(text: label(text.savesLabel), style: [.bold], role: .muted),
        Span(text: tail(of: target, width: width - 2 - labelWidth, displayWidth: measure), role: .muted),
    ]))
    lines.append(.blank)
    func say(_ message: String, role: ColorRole = .warning) {
        lines += hangingParagraph(message, prefix: "", width: width - 2, style: [.bold], role: role, displayWidth: measure)
    }
    if model.exporting != nil {
        say(text.exportSaving(path: tail(of: target, width: width - 4, displayWidth: measure)), role: .notice)
    } else if dialog.confirmingOverwrite {
        say(text.exportReplace(path: tail(of: target, width: width - 4, displayWidth: measure)))
    } else if let error = dialog.error {
        switch error {
        case .pathTooLong: say(text.pathTooLong(bytes: "\(ExportDialog.maximumPathBytes)"))
        case .noFileName: say(text.typeFileName)
        case .failed(let message): say(message)
        }
    } else if let mismatch = dialog.mismatch {
        say(text.formatMismatch(suffix: mismatch, format: dialog.format.rawValue))
    } else {
        lines += hangingParagraph(text.exportHelp, prefix: "", width: width - 2, role: .muted, displayWidth: measure)
    }
    let rect = overlayRect(size: model.size, width: width, height: lines.count + 2)
    drawPanel(&frame, rect: rect, title: text.exportTitle, lines: lines)
    // The cursor: the cell under it in reverse video (hidden while asking y/n).
    let row = rect.y + 1 + fieldRow
    if !dialog.confirmingOverwrite, model.exporting == nil, row < rect.y + rect.height - 1 {
        let column = rect.x + 1 + labelWidth + field.cursorColumn
        if column < rect.x + rect.width - 1 {
            frame.write(String(field.cursorCharacter), column: column, row: row, style: [.reverse], role: .focus)
        }
    }
}
