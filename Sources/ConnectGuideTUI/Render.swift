import ConnectGuideCore
import ConnectGuideDocuments
import ConnectGuideText

/// Draws the whole screen for a model: a pure function, tested with golden frames.
/// Without colour, roles become attributes (bold, underline) so nothing depends on colour.
public func render(_ model: AppModel, color: Bool = true) -> Frame {
    var frame = Frame(size: model.size, displayWidth: model.displayWidth)
    let layout = ScreenLayout(model)
    if layout.mode == .tooSmall {
        drawTooSmall(&frame, size: model.size, text: model.guide.text.tui)
    } else {
        drawTitleBar(&frame, layout: layout)
        if let pane = layout.propertiesPane, let content = layout.properties {
            drawPropertiesPane(&frame, pane: pane, content: content, text: model.guide.text.tui)
        }
        if let pane = layout.stepsPane, let content = layout.steps {
            drawStepsPane(
                &frame, pane: pane, continuation: layout.stepsContinuation, content: content, focused: layout.mode != .wide,
                text: model.guide.text.tui)
        }
        if let strip = layout.planStrip {
            draw(strip, into: &frame, column: 0, row: model.size.rows - 2 - layout.noticeLines.count, width: model.size.columns)
        }
        for (index, line) in layout.noticeLines.enumerated() {
            draw(line, into: &frame, column: 0, row: model.size.rows - 1 - layout.noticeLines.count + index, width: model.size.columns)
        }
        drawHints(&frame, hints: keyHints(model: model, mode: layout.mode), row: model.size.rows - 1)
        if let overlay = model.overlay {
            // What is behind a panel is dimmed, so the panel is plainly what the keys act on.
            frame.highlight(Rect(x: 0, y: 1, width: model.size.columns, height: model.size.rows - 2), style: [.dim])
            drawOverlay(&frame, overlay: overlay, model: model)
        }
    }
    if !color { frame.dropColor() }
    return frame
}

// MARK: - Pieces

private func drawTooSmall(_ frame: inout Frame, size: TerminalSize, text: UIText.TUI) {
    let needed = ScreenLayout.minimumSize
    let paragraphs = [
        text.tooSmallTitle,
        text.tooSmallSize(
            columns: "\(size.columns)", rows: "\(size.rows)", neededColumns: "\(needed.columns)", neededRows: "\(needed.rows)"),
        text.tooSmallAdvice,
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
    // With --print, q and Esc end differently: the header says how.
    let text = model.guide.text.tui
    var hints = model.options.printFormat.map { [text.headerDone(format: $0), text.headerCancel, text.headerHelp] }
        ?? [text.headerHelp, text.headerQuit]
    // The title is chosen beside the hints every view has, so it is the same in each;
    // the pane switch (also in the key bar) shows where there is room.
    let common = hints
    if case .stacked(let pane) = layout.mode {
        hints.insert(pane == .properties ? text.headerSteps : text.headerProperties, at: 0)
    }
    // The API version in force always shows: it decides which combinations exist. The
    // longest title that leaves room for the key hints wins.
    let guide = model.guide
    let version = guide.apiVersion.description
    // Made one at a time, as they are tried: on most screens the first fits.
    func title(_ index: Int) -> String {
        switch index {
        case 0: " " + text.titleFull(title: guide.title, version: version)
        case 1: " " + text.titleVersion(title: guide.title, version: version)
        case 2: " " + text.titleShortVersion(title: guide.title, version: version)
        default: " " + text.titleShortest(version: version)
        }
    }
    let titleCount = 4
    let rights = [hints, common].flatMap { [$0.joined(separator: "  ") + " ", $0.joined(separator: " ") + " "] }
    let measure = frame.displayWidth
    var choice: (title: String, right: String?)?
    // The guide's full name before the hints: the short one only when nothing else fits.
    for index in 0..<(titleCount - 1) {
        let candidate = title(index)
        func fits(_ right: String) -> Bool { measure.of(candidate) + measure.of(right) + 1 <= columns }
        if rights.suffix(2).contains(where: fits), let right = rights.first(where: fits) {
            choice = (candidate, right)
            break
        }
    }
    // Too narrow for the hints (the key bar has them too): the title and version alone.
    let (title, right) = choice
        ?? ((0..<(titleCount - 1)).reversed().map(title).first { measure.of($0) <= columns } ?? title(titleCount - 1), nil)
    frame.write(measure.truncate(title, to: columns), column: 0, row: 0, style: [.bold], role: .title)
    if let right {
        frame.write(right, column: columns - measure.of(right), row: 0, role: .title)
    }
}

private func drawPropertiesPane(_ frame: inout Frame, pane: Rect, content: PropertiesPaneLayout, text: UIText.TUI) {
    frame.box(pane, title: text.propertiesTitle)
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
        frame.borderLabel(text.moreAbove(count: explanation.hiddenAbove), rect: pane, row: row)
    }
    row += 1
    let area = Rect(x: inner.x, y: row, width: inner.width, height: min(explanation.visibleRows, bottom - row))
    frame.addHitRegion(area, .scrollArea(.explanation))
    explanation.visible.forEach(place)
    if explanation.hiddenBelow > 0 {
        frame.borderLabel(text.moreBelowKey(count: explanation.hiddenBelow, key: "PgDn"), rect: pane, row: pane.y + pane.height - 1)
    }
}

private func drawStepsPane(
    _ frame: inout Frame, pane: Rect, continuation: Rect?, content: ScrolledLines, focused: Bool, text: UIText.TUI
) {
    // The title gives way to the scroll hint set into the same border: shorter, not cut.
    let hint = content.hiddenAbove > 0 ? frame.displayWidth.of(text.moreAbove(count: content.hiddenAbove)) + 3 : 0
    let titles = [text.stepsTitleLong, text.stepsTitle, text.stepsTitleShort]
    frame.box(pane, title: titles.first { frame.displayWidth.of($0) + 4 + hint <= pane.width } ?? titles[titles.count - 1])
    let inner = pane.inset(by: 1)
    frame.addHitRegion(inner, .scrollArea(.steps))
    let visible = Array(content.visible)
    for (index, line) in visible.prefix(inner.height).enumerated() {
        draw(line, into: &frame, column: inner.x, row: inner.y + index, width: inner.width)
    }
    if content.hiddenAbove > 0 {
        frame.borderLabel(text.moreAbove(count: content.hiddenAbove), rect: pane, row: pane.y)
    }
    // The steps carry on in the box under the properties, when there is one.
    var last = pane
    if let continuation {
        frame.box(continuation, title: text.stepsTitleContinued)
        let rest = continuation.inset(by: 1)
        frame.addHitRegion(rest, .scrollArea(.steps))
        for (index, line) in visible.dropFirst(inner.height).prefix(rest.height).enumerated() {
            draw(line, into: &frame, column: rest.x, row: rest.y + index, width: rest.width)
        }
        last = continuation
    }
    if content.hiddenBelow > 0 {
        let keys = focused ? "PgDn" : "]"
        frame.borderLabel(text.moreBelowKey(count: content.hiddenBelow, key: keys), rect: last, row: last.y + last.height - 1)
    }
}

/// Places a content line: its spans from `column`, cut at `width`, with its row style
/// and click target over the whole width.
func draw(_ line: TextLine, into frame: inout Frame, column: Int, row: Int, width: Int) {
    var x = column
    for span in line.spans {
        let room = column + width - x
        guard room > 0 else { break }
        let used = frame.write(span.text, column: x, row: row, width: room, style: span.style, role: span.role)
        if let url = span.link { frame.addLink(Hyperlink(row: row, column: x, width: used, url: url)) }
        x += used
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
    let text = model.guide.text.tui
    if let context = model.keyContext { return keyBar(context, count: model.guide.presets.count, text: text) }
    // With --print, how the session ends comes first.
    let ending = model.options.printFormat.map { printEndingHints($0, text: text) } ?? []
    let views = mode == .stacked(.steps) ? stepsViewHints(text) : []
    return ending + views + guideBar(mode).compactMap { hint(for: $0, text: text) }
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
