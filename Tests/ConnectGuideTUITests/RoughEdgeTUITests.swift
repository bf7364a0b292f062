import ConnectGuideCore
import Foundation
import Testing

@testable import ConnectGuideTUI

/// Issue 19's rough edges in the full-screen guide.
@Suite("Rough edges of the guide")
struct RoughEdgeTUITests {
    @Test("The plan strip counts the cautions the steps pane lists, the page's callouts included", arguments: [
        [UIEvent](), typed("2") + keys(.end, .enter), keys(.down, .down, .enter), typed("3") + keys(.down, .enter),
    ])
    func cautionCount(events: [UIEvent]) {
        let shown = model(80, 24, after: events)
        let strip = planStripLine(model: shown).spans.map(\.text).joined()
        let listed = stepsLines(model: shown, width: 76).filter { line in
            [" ! ", " * "].contains { line.spans.first?.text.hasPrefix($0) == true }
        }.count
        #expect(strip.contains(" \(listed) caution"), "\(strip): \(listed) listed")
    }

    @Test("The steps pane says a caution goes against a Stripe recommendation, never \"Stripe recommends: … is recommended\"")
    func recommendationWording() {
        let shown = model(140, 40, after: typed("3") + keys(.down, .enter))
        let text = stepsLines(model: shown, width: 70).map { $0.spans.map(\.text).joined() }.joined(separator: "\n")
        #expect(text.contains("Against a Stripe recommendation:"))
        #expect(!text.contains("Stripe recommends:"))
    }

    @Test("The header is the same in either view, and the 80-column key bar keeps e, o, y and v", arguments: [60, 80, 99])
    func headerAndKeyBar(columns: Int) {
        let properties = render(model(columns, 24))
        let steps = render(model(columns, 24, after: typed("w")))
        func title(_ line: String) -> String { String(line.prefix { $0 != "[" }).trimmingCharacters(in: .whitespaces) }
        #expect(title(properties.lines[0]) == title(steps.lines[0]), "\(properties.lines[0])\n\(steps.lines[0])")
        if columns == 80 {
            for frame in [properties, steps] {
                let bar = frame.lines[23]
                for key in ["e export", "o open", "y copy", "v url"] { #expect(bar.contains(key), "\(key): \(bar)") }
            }
        }
    }

    @Test("In the export dialog the first character typed replaces the suggested name; a cursor key keeps it for editing")
    func exportNameReplaced() {
        func dialog(_ events: [UIEvent]) -> ExportDialog? {
            guard case .export(let dialog) = model(100, 30, after: typed("e") + events).overlay else { return nil }
            return dialog
        }
        #expect(dialog(typed("plan.md"))?.path == "plan.md")
        #expect(dialog(typed("plan.md"))?.format == .markdown)
        let suggested = dialog([])?.path ?? ""
        #expect(dialog(keys(.left) + typed("x"))?.path == String(suggested.dropLast()) + "x" + String(suggested.suffix(1)))
        #expect(dialog(keys(.home) + typed("~/"))?.path == "~/" + suggested)
        #expect(dialog(keys(.end) + typed("s"))?.path == suggested + "s")
        #expect(dialog(keys(.backspace) + typed("t"))?.path == String(suggested.dropLast()) + "t")
    }

    @Test("p marks the preset that is the current selection; undoing a preset names it")
    func presetMarkAndUndo() {
        let loaded = model(100, 30, after: typed("p") + typed("3"))
        let reopened = loaded.update(.key(.character("p"))).model
        let text = render(reopened).text
        let marked = text.components(separatedBy: "\n").filter { $0.contains("(your current selection)") }
        #expect(marked.count == 1)
        #expect(marked.first?.contains(guide.presets[2].label) == true, "\(marked)")
        let undone = loaded.update(.key(.character("u"))).model
        #expect(undone.notice?.text.hasPrefix("Undid loading the preset \u{201C}\(guide.presets[2].label)\u{201D}") == true,
            "\(undone.notice?.text ?? "")")
    }

    @Test("The steps pane's title gives way to its scroll hint: shorter, never cut")
    func stepsTitleBesideScrollHint() {
        // Loading a setup scrolls the steps to the first changed one.
        let frame = render(model(100, 30, after: typed("p3")))
        let border = frame.lines[1]
        #expect(border.contains("↑ "), "\(border)")
        #expect(border.contains("┌ Integration steps ─"), "\(border)")
        #expect(!border.contains("for your select "), "\(border)")
    }

    @Test("The mouse in the preset chooser: a click on a setup loads it; a click outside closes it and focuses the property clicked",
        arguments: [(100, 30), (140, 40), (80, 24)])
    func mouseInPresetChooser(columns: Int, rows: Int) throws {
        let chooser = firstStart(columns, rows)
        let frame = render(chooser)
        let label = guide.presets[2].label
        let row = try #require(frame.lines.firstIndex { $0.contains(label) }, "\(frame.text)")
        let column = try #require(frame.lines[row].range(of: label)).lowerBound.utf16Offset(in: frame.lines[row])
        let click = try #require(mouseEvent(MouseInput(column: column, row: row, action: .press), on: frame))
        let loaded = chooser.update(click).model
        #expect(loaded.overlay == nil)
        #expect(loaded.state.selection == guide.presets[2].selection)

        // Outside the chooser: the row of property 4 (left of the panel, on the selectors),
        // where the chooser leaves it in view.
        guard let fourth = frame.lines.firstIndex(where: { $0.contains(" 4 \(guide.properties[3].label)") }) else { return }
        let outside = try #require(mouseEvent(MouseInput(column: 3, row: fourth, action: .press), on: frame))
        let closed = chooser.update(outside).model
        #expect(closed.overlay == nil)
        #expect(closed.cursor.focus == guide.properties[3].id)
        #expect(closed.state.selection == chooser.state.selection, "a click outside loads nothing")
    }
}
