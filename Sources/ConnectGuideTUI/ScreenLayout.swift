// Where everything goes on the screen: the arrangement for the size, the panes' boxes,
// the notice and the plan strip. Computed from the model alone.

import ConnectGuideCore

/// How the screen is divided at a given size.
public enum ScreenMode: Hashable, Sendable {
    case tooSmall
    /// Both panes side by side.
    case wide
    /// One pane at a time; `w` switches.
    case stacked(Pane)
}

/// Where everything goes on the screen, computed from the model alone. Rendering draws
/// it; `update` reads it to keep scroll offsets in range and to size page moves.
struct ScreenLayout {
    static let minimumSize = TerminalSize(columns: 60, rows: 16)
    /// Narrower than this, the panes take turns.
    static let sideBySideColumns = 100

    let model: AppModel
    let mode: ScreenMode
    let noticeLines: [TextLine]
    /// The one-line plan summary under the panes when they take turns; nil side by side.
    let planStrip: TextLine?
    let propertiesPane: Rect?
    let stepsPane: Rect?
    /// On a tall screen whose properties pane would be half empty: a box under it that
    /// carries on the steps where the steps pane leaves off.
    let stepsContinuation: Rect?
    let properties: PropertiesPaneLayout?
    /// The steps over both boxes: the steps pane's rows first, then the continuation's.
    let steps: ScrolledLines?
    /// The width the steps are wrapped to.
    let stepsWidth: Int

    /// The arrangement for the model's size, without laying anything out.
    static func mode(for model: AppModel) -> ScreenMode {
        let size = model.size
        guard size.columns >= minimumSize.columns, size.rows >= minimumSize.rows else { return .tooSmall }
        return size.columns >= sideBySideColumns ? .wide : .stacked(model.stackedPane)
    }

    init(_ model: AppModel) {
        self.model = model
        let size = model.size
        let width = model.displayWidth
        mode = Self.mode(for: model)
        guard mode != .tooSmall else {
            noticeLines = []
            planStrip = nil
            propertiesPane = nil
            stepsPane = nil
            stepsContinuation = nil
            properties = nil
            steps = nil
            stepsWidth = 1
            return
        }

        var notice: [TextLine] = []
        if let message = model.notice {
            let role: ColorRole = message.kind == .error ? .warning : .notice
            // One line, so the five property rows keep their place;
            // expanded (n), the notice may take half the screen. Cut, it says how to see the rest.
            let maximum = model.noticeExpanded ? max(size.rows / 2 - 1, 2) : 1
            let wrapped = wrapText(message.text, width: size.columns - 2, displayWidth: width)
            var inCode = false
            notice = wrapped.prefix(maximum).enumerated().map { index, line in
                let cut = index == maximum - 1 && wrapped.count > maximum
                let more = model.noticeExpanded ? " …" : " … " + model.guide.text.tui.noticeMoreHint
                var text = line
                if cut {
                    // The cut line loses its end to the marker; truncate's own "…" is not repeated.
                    let kept = width.truncate(line, to: size.columns - 2 - width.of(more))
                    text = (kept.hasSuffix("…") ? String(kept.dropLast()) : kept) + more
                }
                return TextLine([Span(text: " ", style: [.bold], role: role)] + codeSpans(text, style: [.bold], role: role, inCode: &inCode))
            }
        }
        noticeLines = notice
        planStrip = mode == .wide ? nil : planStripLine(model: model)

        let body = Rect(x: 0, y: 1, width: size.columns, height: size.rows - 2 - notice.count - (planStrip == nil ? 0 : 1))
        var continuation: Rect?
        switch mode {
        case .wide:
            let left = Self.propertiesPaneWidth(columns: size.columns)
            var propertiesRect = Rect(x: 0, y: body.y, width: left, height: body.height)
            let stepsRect = Rect(x: left, y: body.y, width: size.columns - left, height: body.height)
            var layout = PropertiesPaneLayout(model: model, pane: propertiesRect)
            // Rows the explanation leaves blank; when they are many and the steps do not fit,
            // the properties pane gives them up to a box that continues the steps.
            let spare = min(layout.explanation.visibleRows - layout.explanation.lines.count,
                layout.explanation.visibleRows - PropertiesPaneLayout.wantedExplanationRows(rows: size.rows))
            let stepsRows = stepsLines(model: model, width: stepsRect.width - 3).count
            if spare >= 6, stepsRows > stepsRect.height - 2 {
                propertiesRect.height -= spare
                layout = PropertiesPaneLayout(model: model, pane: propertiesRect)
                continuation = Rect(x: 0, y: propertiesRect.y + propertiesRect.height, width: left, height: spare)
            }
            propertiesPane = propertiesRect
            stepsPane = stepsRect
            properties = layout
        case .stacked(.properties):
            propertiesPane = body
            stepsPane = nil
            properties = PropertiesPaneLayout(model: model, pane: body)
        default:
            propertiesPane = nil
            stepsPane = body
            properties = nil
        }
        stepsContinuation = continuation
        let stepsBox = stepsPane ?? body
        // With a continuation, the steps are wrapped to fit the narrower of the two boxes.
        let wrapWidth = min(stepsBox.width, continuation?.width ?? stepsBox.width) - 3
        stepsWidth = wrapWidth
        steps = stepsPane.map { pane in
            let rows = pane.height - 2 + max((continuation?.height ?? 0) - 2, 0)
            return ScrolledLines(lines: stepsLines(model: model, width: wrapWidth), visibleRows: rows, requestedOffset: model.stepsScroll)
        }
    }

    /// The left pane's width side by side: the steps panel holds more text, so it gets the
    /// larger share, but at least 52 columns, so the values beside the names fit at 100.
    static func propertiesPaneWidth(columns: Int) -> Int { max(columns * 9 / 20, 52) }

    /// Rows a PgUp/PgDn moves the explanation by.
    var explanationPage: Int { max((properties?.explanation.visibleRows ?? 1) - 1, 1) }
    var stepsPage: Int { max((steps?.visibleRows ?? 1) - 1, 1) }
    var maxExplanationScroll: Int { properties?.explanation.maxOffset ?? 0 }
    var maxStepsScroll: Int { steps?.maxOffset ?? 0 }
}
