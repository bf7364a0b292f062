import ConnectGuideCore
import Testing

@testable import ConnectGuideTUI

/// Every allowed size from the minimum up: each box keeps its border, the title and key-hint
/// rows are whole, and the left pane's rows add up to its height with the explanation
/// keeping rows of its own, whatever property is focused and however long the previews.
@Suite("Every allowed size: the panes fit")
struct PaneFitTests {
    static let widths = [60, 61, 80, 99, 100, 101, 120, 140]
    static let heights = [16, 17, 18, 20, 24, 30, 40]
    /// Selections (each leaving a different notice, or none), then the focus moved by a digit.
    static let selections: [(name: String, events: [UIEvent])] = [
        ("defaults", []),
        ("API chosen", keys(.down, .down, .enter)),
        ("Express and separate charges", typed("2") + keys(.down, .enter) + typed("3") + keys(.end, .enter)),
        ("reset", typed("r")),
    ]
    /// The cursor where focusing leaves it, and on the last option.
    static let cursors: [(name: String, events: [UIEvent])] = [("cursor as focused", []), ("cursor on the last option", keys(.end))]

    @Test("60x16 to 140x40, every property, selection and cursor, with and without the help overlay", arguments: widths)
    func everySize(columns: Int) {
        var checked = 0
        for rows in Self.heights {
            for selection in Self.selections {
                for property in 1...5 {
                    // Rows are short only at the smaller heights: there the cursor's place matters.
                    for (index, cursor) in Self.cursors.enumerated() where index == 0 || rows <= 24 {
                        let events = selection.events + typed("\(property)") + cursor.events
                        let shown = model(columns, rows, after: events)
                        let what = "\(columns)x\(rows), \(selection.name), property \(property), \(cursor.name)"
                        check(shown, what)
                        // The overlay covers the middle; its box and what shows around it must be whole.
                        if index == 0 { check(shown.update(.key(.character("?"))).model, what + ", help open") }
                        checked += 1
                    }
                }
            }
        }
        #expect(checked == (Self.heights.count + Self.heights.filter { $0 <= 24 }.count) * Self.selections.count * 5)
    }

    @Test("The reported sizes: 100x16 with property 3, 100x18, 60x16 after r then 3")
    func reported() {
        for shown in [model(100, 16, after: typed("3")), model(100, 18), model(60, 16, after: typed("r3"))] {
            check(shown, "\(shown.size)")
            // PgDn reaches the explanation.
            let layout = ScreenLayout(shown)
            if let explanation = layout.properties?.explanation, explanation.hiddenBelow > 0 {
                #expect(shown.update(.key(.pageDown)).model.explanationScroll > 0, "\(shown.size)")
            }
        }
    }

    @Test("Short of rows, a preview is cut to one line, and the one under the cursor is shown whole in the explanation")
    func cutPreviews() {
        // 100x18: the onboarding previews do not fit whole beside the explanation.
        let shown = model(100, 18, after: keys(.end))
        let frame = render(shown)
        let cut = frame.lines.filter { $0.contains("→ sets") }
        #expect(cut.contains { $0.contains("→ sets Dashboard access to None, ") && $0.contains("…") }, "\(frame.text)")
        let explanation = ScreenLayout(shown).properties!.explanation
        let text = explanation.lines.prefix(4).map { $0.spans.map(\.text).joined() }.joined(separator: " ")
        #expect(text.contains("liability to Platform"), "\(text)")
    }

    // MARK: Checks

    func check(_ model: AppModel, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let frame = render(model)
        let layout = ScreenLayout(model)
        let lines = frame.lines
        let size = model.size
        guard layout.mode != .tooSmall else {
            Issue.record("\(what): too small", sourceLocation: sourceLocation)
            return
        }
        #expect(frame.size == size, "\(what)", sourceLocation: sourceLocation)
        #expect(lines.count == size.rows && lines.allSatisfy { DisplayWidth.standard.of($0) == size.columns },
            "\(what): a row is not the frame's width", sourceLocation: sourceLocation)
        for region in frame.hitRegions {
            let inside = region.rect.x >= 0 && region.rect.y >= 0 && region.rect.x + region.rect.width <= size.columns
                && region.rect.y + region.rect.height <= size.rows
            #expect(inside, "\(what): \(region.target) at \(region.rect) is outside the frame", sourceLocation: sourceLocation)
        }

        // Title and key hints, as they are drawn on an empty screen.
        #expect(lines[0].hasPrefix(" " + guide.title), "\(what): title row\n\(frame.text)", sourceLocation: sourceLocation)
        var hints = Frame(size: TerminalSize(columns: size.columns, rows: 1), displayWidth: .standard)
        drawHints(&hints, hints: keyHints(model: model, mode: layout.mode), row: 0)
        #expect(lines[size.rows - 1] == hints.lines[0], "\(what): key-hint row\n\(frame.text)", sourceLocation: sourceLocation)

        let overlay: Rect? = model.overlay == .help ? helpLayout(model).rect : nil
        if let overlay { expectBox(overlay, in: frame, covered: nil, what + ", help box", sourceLocation) }
        for pane in [layout.propertiesPane, layout.stepsPane, layout.stepsContinuation].compactMap({ $0 }) {
            expectBox(pane, in: frame, covered: overlay, what, sourceLocation)
        }

        // The rows between the panes and the hints hold the notice and nothing else.
        let body = layout.stepsPane ?? layout.propertiesPane!
        let strip = layout.planStrip == nil ? 0 : 1
        #expect(body.y + body.height + strip + layout.noticeLines.count == size.rows - 1, "\(what)", sourceLocation: sourceLocation)

        guard let pane = layout.propertiesPane, let content = layout.properties else { return }
        let inner = pane.inset(by: 1)
        let used = content.selectors.count + 1 + content.intro.count + content.options.count + 1 + content.explanation.visibleRows
        #expect(used == inner.height, "\(what): the left pane's rows add up to \(used), not \(inner.height)\n\(frame.text)", sourceLocation: sourceLocation)
        // The five property rows stay at every size; the explanation gives up rows first
        // (app.md, latest revision), keeping at least one, and all it wants from 24 rows up.
        for property in model.guide.properties where model.overlay == nil {
            #expect(frame.lines.contains { $0.contains(" \(property.id.index + 1) \(property.label) ") },
                "\(what): \(property.label) is not on screen\n\(frame.text)", sourceLocation: sourceLocation)
        }
        let wanted = model.size.rows >= 24 ? PropertiesPaneLayout.wantedExplanationRows(rows: model.size.rows) : 1
        #expect(content.explanation.visibleRows >= wanted,
            "\(what): the explanation has \(content.explanation.visibleRows) rows\n\(frame.text)", sourceLocation: sourceLocation)
        #expect(content.options.contains { $0.spans.contains { $0.text.contains("▸") } }, "\(what): the cursor's option is not shown", sourceLocation: sourceLocation)
        if overlay == nil {
            let dividers = (pane.y..<(pane.y + pane.height)).filter { frame.character(pane.x, $0) == "├" }
            #expect(dividers.count == 2, "\(what): dividers on rows \(dividers)\n\(frame.text)", sourceLocation: sourceLocation)
        }
    }

    /// Corners in place, sides unbroken (dividers allowed), top and bottom lines of ─ apart
    /// from a title or a label; cells under `covered` are not checked.
    func expectBox(_ box: Rect, in frame: Frame, covered: Rect?, _ what: String, _ sourceLocation: SourceLocation) {
        let right = box.x + box.width - 1
        let bottom = box.y + box.height - 1
        func at(_ column: Int, _ row: Int) -> Character? {
            if let covered, covered.contains(column: column, row: row) { return nil }
            return frame.character(column, row)
        }
        let corners: [(Int, Int, Character)] = [(box.x, box.y, "┌"), (right, box.y, "┐"), (box.x, bottom, "└"), (right, bottom, "┘")]
        for (column, row, corner) in corners {
            if let found = at(column, row) {
                #expect(found == corner, "\(what): \(found) at \(column),\(row) where \(corner) belongs\n\(frame.text)", sourceLocation: sourceLocation)
            }
        }
        for row in (box.y + 1)..<bottom {
            if let left = at(box.x, row) { #expect(left == "│" || left == "├", "\(what): left side at row \(row)", sourceLocation: sourceLocation) }
            if let side = at(right, row) { #expect(side == "│" || side == "┤", "\(what): right side at row \(row)", sourceLocation: sourceLocation) }
        }
        // The bottom line: ─ throughout but for one label set into it (" ↓ 3 more, PgDn ").
        if covered == nil || !(box.x..<right).contains(where: { covered!.contains(column: $0, row: bottom) }) {
            let line = String((box.x + 1..<right).map { frame.character($0, bottom) })
            let parts = line.split(separator: "─", omittingEmptySubsequences: true)
            let isLabel = parts.count == 1 && (parts[0].hasPrefix(" ↓ ") || parts[0].hasPrefix(" ↑ "))
            #expect(parts.isEmpty || isLabel, "\(what): bottom border reads \(line)\n\(frame.text)", sourceLocation: sourceLocation)
        }
    }
}
