import ConnectGuideCore
import Testing

@testable import ConnectGuideTUI

/// Issue 12: every size used well. No pane may be more than a third blank while another
/// pane on screen has content scrolled out of view.
@Suite("Every size: no pane a third blank while another hides content")
struct BlankSpaceTests {
    static let widths = [60, 80, 100, 120, 140, 160, 200, 300]
    static let heights = [16, 24, 30, 45, 60, 100]
    static let selections: [(name: String, events: [UIEvent])] = [
        ("defaults", []),
        ("API chosen", keys(.down, .down, .enter)),
        ("marketplace preset", typed("p3")),
    ]

    @Test("60x16 to 300x100, every property focused", arguments: widths)
    func grid(columns: Int) {
        for rows in Self.heights {
            for selection in Self.selections {
                for property in 1...5 {
                    let shown = model(columns, rows, after: selection.events + typed("\(property)"))
                    check(shown, "\(columns)x\(rows), \(selection.name), property \(property)")
                }
            }
        }
    }

    /// Blank rows of a pane's inside and whether it hides content, for each pane on screen.
    func panes(_ model: AppModel) -> [(name: String, blankRows: Int, rows: Int, hides: Bool)] {
        let layout = ScreenLayout(model)
        let frame = render(model)
        func blank(_ pane: Rect) -> Int {
            let inner = pane.inset(by: 1)
            return (inner.y..<(inner.y + inner.height)).filter { row in
                (inner.x..<(inner.x + inner.width)).allSatisfy { frame.character($0, row) == " " }
            }.count
        }
        var result: [(name: String, blankRows: Int, rows: Int, hides: Bool)] = []
        if let pane = layout.propertiesPane, let content = layout.properties {
            let hides = content.explanation.hiddenAbove + content.explanation.hiddenBelow > 0
                || content.options.count < optionGroups(model: model, width: pane.width - 2, previews: .whole).flatMap(\.lines).count
                    && !PropertiesPaneLayout.listsEveryOption(model.size)
            result.append(("properties", blank(pane), pane.height - 2, hides))
        }
        if let pane = layout.stepsPane, let steps = layout.steps {
            // The steps pane and its continuation under the properties are one pane of text.
            let boxes = [pane] + (layout.stepsContinuation.map { [$0] } ?? [])
            result.append(("steps", boxes.map(blank).reduce(0, +), boxes.map { $0.height - 2 }.reduce(0, +),
                steps.hiddenAbove + steps.hiddenBelow > 0))
        }
        return result
    }

    func check(_ model: AppModel, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let shown = panes(model)
        for pane in shown where pane.blankRows * 3 > pane.rows {
            for other in shown where other.name != pane.name && other.hides {
                Issue.record(
                    "\(what): \(pane.name) is \(pane.blankRows) of \(pane.rows) rows blank while \(other.name) hides content\n\(render(model).text)",
                    sourceLocation: sourceLocation)
            }
        }
    }
}
