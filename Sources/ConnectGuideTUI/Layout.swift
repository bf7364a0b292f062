import ConnectGuideCore
import Synchronization

/// A run of text in one style.
struct Span: Hashable, Sendable {
    var text: String
    var style: CellStyle = []
    var role: ColorRole = .plain
    /// The full address when the span is a link.
    var link: String?
}

/// One line of a pane's content, before it is placed on the screen.
struct TextLine: Hashable, Sendable {
    var spans: [Span]
    /// What a click on the line acts on.
    var target: HitTarget?
    /// Attributes for the whole row (the cursor's reverse video).
    var rowStyle: CellStyle = []

    init(_ spans: [Span], target: HitTarget? = nil, rowStyle: CellStyle = []) {
        self.spans = spans
        self.target = target
        self.rowStyle = rowStyle
    }

    init(_ text: String, style: CellStyle = [], role: ColorRole = .plain) {
        self.init([Span(text: text, style: style, role: role)])
    }

    static let blank = TextLine([])
}

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
            // Expanded (n), the notice may take half the screen; cut, it says how to see the rest.
            let maximum = model.noticeExpanded ? max(size.rows / 2 - 1, 2) : (size.rows >= 24 ? 3 : 2)
            let wrapped = wrapText(message.text, width: size.columns - 2, displayWidth: width)
            var inCode = false
            notice = wrapped.prefix(maximum).enumerated().map { index, line in
                let cut = index == maximum - 1 && wrapped.count > maximum
                let more = model.noticeExpanded ? " …" : " … n: more"
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

/// Lines in a window of `visibleRows`, scrolled by an offset kept in range.
struct ScrolledLines {
    let lines: [TextLine]
    let visibleRows: Int
    let offset: Int

    init(lines: [TextLine], visibleRows: Int, requestedOffset: Int) {
        self.lines = lines
        self.visibleRows = max(visibleRows, 0)
        offset = min(max(requestedOffset, 0), max(lines.count - self.visibleRows, 0))
    }

    var maxOffset: Int { max(lines.count - visibleRows, 0) }
    var visible: ArraySlice<TextLine> { lines.dropFirst(offset).prefix(visibleRows) }
    var hiddenAbove: Int { offset }
    var hiddenBelow: Int { max(lines.count - offset - visibleRows, 0) }
}

/// The left pane: the five selectors, then the focused property's section.
///
/// The rows it uses always add up to the pane's inner height: selectors, the section
/// divider, the intro, the options, the explanation divider and the explanation's rows.
struct PropertiesPaneLayout {
    let selectors: [TextLine]
    let sectionTitle: String
    /// The section intro when it has room of its own; otherwise it scrolls with the explanation.
    let intro: [TextLine]
    let options: [TextLine]
    let explanationTitle: String
    let explanation: ScrolledLines

    /// Rows the explanation keeps, when the pane has them, before anything above it is cut:
    /// 8 from 24 rows up (the most common size), 3 on shorter screens.
    static func wantedExplanationRows(rows: Int) -> Int { rows >= 24 ? 8 : 3 }

    /// From this size up, every property is listed with all its options, as on the docs page.
    static func listsEveryOption(_ size: TerminalSize) -> Bool { size.columns >= 160 && size.rows >= 45 }

    init(model: AppModel, pane: Rect) {
        let guide = model.guide
        let state = model.state
        let width = model.displayWidth
        let inner = pane.inset(by: 1)
        let textWidth = inner.width - 2
        let property = guide.property(state.focus)

        let allSelectors = selectorLines(model: model, width: inner.width)
        let introLines = wrapText(property.section.intro, width: textWidth, displayWidth: width).map { TextLine(" " + $0) }
        let highlighted = property.option(state.highlighted)
        explanationTitle = highlighted.map { "\($0.label)" } ?? ""
        // The property's own name, as in the selectors and the notices.
        sectionTitle = "\(state.focus.index + 1) · \(property.label)"

        // When rows are short, in turn: the intro scrolls with the explanation, each
        // preview ("→ sets ...") is cut to one line, only the focused selector stays, the
        // previews move onto their option's line, and at last the options themselves are
        // cut to the ones around the cursor. A cut preview of the option under the cursor
        // is shown whole at the top of the explanation.
        let wanted = Self.wantedExplanationRows(rows: model.size.rows)
        var keptIntro = introLines
        var keptSelectors = allSelectors
        var groups = optionGroups(model: model, width: inner.width, previews: .whole)
        if Self.listsEveryOption(model.size) {
            // Every property with its options in page order; the focused one's options carry
            // the cursor and the previews.
            keptSelectors = expandedSelectors(model: model, width: inner.width, focusedOptions: groups.flatMap(\.lines))
            groups = []
        }
        func rows() -> Int { inner.height - keptSelectors.count - 2 - keptIntro.count - groups.reduce(0) { $0 + $1.lines.count } }
        if rows() < wanted {
            keptIntro = []
        }
        if rows() < wanted {
            groups = optionGroups(model: model, width: inner.width, previews: .oneLine)
        }
        if rows() < wanted, !Self.listsEveryOption(model.size) {
            keptSelectors = [allSelectors[state.focus.index]]
        }
        if rows() < wanted {
            groups = optionGroups(model: model, width: inner.width, previews: .onOptionLine)
        }
        if rows() < 1, let cursor = groups.firstIndex(where: \.underCursor) {
            // Each option is one line now: keep a window of them around the cursor.
            let room = max(inner.height - keptSelectors.count - 2 - 1, 1)
            let first = min(max(cursor - room / 2, 0), max(groups.count - room, 0))
            groups = Array(groups[first..<min(first + room, groups.count)])
        }

        var explanationLines = explanationContent(model: model, width: textWidth)
        if keptIntro.isEmpty {
            // The section intro goes after the option's advice ("Best for"), which must show unscrolled.
            let advice = explanationLines.firstIndex { $0.spans.contains { $0.text.contains("Best for") } }
                .map { start in explanationLines[start...].firstIndex(of: .blank) ?? explanationLines.count } ?? 0
            explanationLines.insert(contentsOf: introLines + [.blank], at: min(advice + (advice > 0 ? 1 : 0), explanationLines.count))
        }
        if let cut = groups.first(where: { $0.underCursor && $0.previewCut }), let preview = cut.preview {
            let moves = String(preview.dropFirst("→ ".count))
            explanationLines = hangingParagraph(moves, prefix: "→ ", width: textWidth, role: .muted, displayWidth: width)
                + [.blank] + explanationLines
        }
        selectors = keptSelectors
        intro = keptIntro
        options = groups.flatMap(\.lines)
        explanation = ScrolledLines(lines: explanationLines, visibleRows: rows(), requestedOffset: model.explanationScroll)
    }
}

// MARK: - Content

private func selectorLines(model: AppModel, width: Int) -> [TextLine] {
    let guide = model.guide
    return guide.properties.map { property in
        let measure = model.displayWidth
        let head = selectorHead(model: model, property: property)
        let cautioned = isCautioned(property.id, model: model)
        let moved = model.movedProperties.contains(property.id)
        let room = width - measure.of(head) - 1 - (cautioned ? 2 : 0) - (moved ? 2 : 0)
        let option = property.option(model.state.selection[property.id])
        let label = option.map { measure.of($0.label) <= room ? $0.label : $0.shortLabel } ?? ""
        return selectorLine(model: model, property: property, head: head, value: measure.truncate(label, to: room), cautioned: cautioned)
    }
}

/// "1 Onboarding            ": the number and the property's name, padded so the values line up.
private func selectorHead(model: AppModel, property: Property) -> String {
    let measure = model.displayWidth
    let labelWidth = model.guide.properties.map { measure.of($0.label) }.max() ?? 0
    return " \(property.id.index + 1) " + measure.pad(property.label, to: labelWidth) + " "
}

/// Whether the selection's value of a property goes against a recommendation.
private func isCautioned(_ property: PropertyID, model: AppModel) -> Bool {
    model.guide.breachedRecommendations(of: model.state.selection).contains { $0.properties.contains(property) }
}

/// A property's row: reverse video when focused (the one focus marker beside the option
/// cursor's ▸), highlighted when the last choice moved it, "!" when its value goes against
/// a recommendation.
private func selectorLine(model: AppModel, property: Property, head: String, value: String, cautioned: Bool) -> TextLine {
    let focused = property.id == model.state.focus
    let moved = model.movedProperties.contains(property.id)
    var spans = [
        Span(text: head, style: focused || moved ? [.bold] : [], role: focused ? .focus : (moved ? .notice : .plain)),
        Span(text: value, style: moved ? [.bold, .underline] : [.bold], role: moved ? .notice : .selected),
    ]
    if cautioned { spans.append(Span(text: " !", style: [.bold], role: .warning)) }
    if moved { spans.append(Span(text: " ◂", style: [.bold], role: .notice)) }
    return TextLine(spans, target: .property(property.id), rowStyle: focused ? [.reverse] : [])
}

/// Every property's row followed by all its options, as the docs page lays them out.
private func expandedSelectors(model: AppModel, width: Int, focusedOptions: [TextLine]) -> [TextLine] {
    let guide = model.guide
    let measure = model.displayWidth
    var lines: [TextLine] = []
    for property in guide.properties {
        let head = selectorHead(model: model, property: property)
        let value = property.option(model.state.selection[property.id])?.label ?? ""
        let cautioned = isCautioned(property.id, model: model)
        lines.append(selectorLine(model: model, property: property, head: head, value: measure.truncate(value, to: width - measure.of(head) - 5), cautioned: cautioned))
        if property.id == model.state.focus {
            lines += focusedOptions
            continue
        }
        for option in property.options {
            let chosen = model.state.selection[property.id] == option.id
            let text = "   " + (chosen ? "(•) " : "( ) ") + option.label
            var spans = [Span(text: text, style: chosen ? [.bold] : [], role: chosen ? .selected : .plain)]
            let room = width - 1 - measure.of(text) - 2
            if room >= 8 { spans.append(Span(text: "  " + measure.truncate(option.summary, to: room), role: .muted)) }
            lines.append(TextLine(spans, target: .option(property.id, option.id)))
        }
    }
    return lines
}

/// How an option's preview of what choosing it would move is laid out.
enum PreviewForm {
    /// Beside the option when it fits, else wrapped on lines of its own below it.
    case whole
    /// Beside the option when it fits, else one line below it, cut with "…".
    case oneLine
    /// On the option's line, cut with "…" to what is left of it.
    case onOptionLine
}

/// One option's lines in the list: the option, then any lines of its preview.
struct OptionGroup {
    var lines: [TextLine]
    var underCursor: Bool
    /// "→ sets ...", or nil when choosing the option moves nothing else.
    var preview: String?
    /// True when the preview is not shown whole.
    var previewCut: Bool
}

func optionGroups(model: AppModel, width: Int, previews form: PreviewForm) -> [OptionGroup] {
    let guide = model.guide
    let state = model.state
    let measure = model.displayWidth
    let property = guide.property(state.focus)
    var groups: [OptionGroup] = []
    for option in property.options {
        let chosen = state.selection[property.id] == option.id
        let underCursor = state.highlighted == option.id
        let target = HitTarget.option(property.id, option.id)
        let head = (underCursor ? " ▸ " : "   ") + (chosen ? "(•) " : "( ) ")
        var spans = [
            Span(text: head, style: chosen ? [.bold] : [], role: chosen ? .selected : .plain),
            Span(text: option.label, style: underCursor ? [.reverse, .bold] : (chosen ? [.bold] : []), role: underCursor ? .focus : .plain),
        ]
        // Marked before it is chosen: an option that goes against a recommendation.
        let (moves, breached) = guide.consequences(ofChoosing: option.id, for: property.id, in: state)
        let advisedAgainst = !breached.isEmpty
        let mark = advisedAgainst ? " !" : ""
        if advisedAgainst { spans.append(Span(text: mark, style: [.bold], role: .warning)) }
        let used = measure.of(head) + measure.of(option.label) + measure.of(mark) + 2
        // The option's one line of advice beside it, cut to the room left (the explanation
        // starts with it whole); a preview that goes on a line of its own leaves it room.
        func addSummary() {
            let room = width - 1 - used
            if room >= 8 { spans.append(Span(text: "  " + measure.truncate(option.summary, to: room), role: .muted)) }
        }
        guard !moves.isEmpty else {
            addSummary()
            groups.append(OptionGroup(lines: [TextLine(spans, target: target)], underCursor: underCursor, preview: nil, previewCut: false))
            continue
        }
        let preview = "→ sets " + moves.map(guide.destination).joined(separator: ", ")
        var lines: [TextLine] = []
        var cut = false
        if used + measure.of(preview) + 40 <= width - 1 {
            // Room for the preview and a good part of the summary on one line.
            spans.append(Span(text: "  " + preview, role: .muted))
            let room = width - 1 - used - measure.of(preview) - 2
            if room >= 8 { spans.append(Span(text: " · " + measure.truncate(option.summary, to: room - 1), role: .muted)) }
            lines.append(TextLine(spans, target: target))
        } else {
            let indent = String(repeating: " ", count: 7)
            switch form {
            case .whole:
                addSummary()
                lines.append(TextLine(spans, target: target))
                for piece in wrapText(preview, width: width - 8, displayWidth: measure) {
                    lines.append(TextLine([Span(text: indent + piece, role: .muted)], target: target))
                }
            case .oneLine:
                addSummary()
                lines.append(TextLine(spans, target: target))
                lines.append(TextLine([Span(text: indent + measure.truncate(preview, to: width - 8), role: .muted)], target: target))
                cut = measure.of(preview) > width - 8
            case .onOptionLine:
                let room = width - 1 - used
                if room >= 3 { spans.append(Span(text: "  " + measure.truncate(preview, to: room), role: .muted)) }
                lines.append(TextLine(spans, target: target))
                cut = true
            }
        }
        groups.append(OptionGroup(lines: lines, underCursor: underCursor, preview: preview, previewCut: cut))
    }
    return groups
}

private func explanationContent(model: AppModel, width: Int) -> [TextLine] {
    let guide = model.guide
    let state = model.state
    let measure = model.displayWidth
    let property = guide.property(state.focus)
    var lines: [TextLine] = []
    func paragraph(_ text: String, prefix: String = "", style: CellStyle = [], role: ColorRole = .plain) {
        lines += hangingParagraph(text, prefix: prefix, width: width, style: style, role: role, displayWidth: measure)
    }
    func list(_ heading: String, _ items: [String]) {
        guard !items.isEmpty else { return }
        lines.append(.blank)
        lines.append(TextLine(" " + heading, style: [.bold], role: .heading))
        for item in items { paragraph(item, prefix: "• ") }
    }

    if let option = property.option(state.highlighted) {
        // Why the option is marked "!": flagged first in one line, each recommendation it goes
        // against in plain words after "Best for", which must show without scrolling.
        let breached = guide.breachedRecommendations(choosing: option.id, for: property.id, in: state)
        if !breached.isEmpty {
            paragraph("Stripe advises against this with your other choices (why: below).", prefix: "! ", style: [.bold], role: .warning)
        }
        paragraph(option.summary, style: [.bold])
        // "Best for" (with the page's examples) comes before the longer text.
        list("Best for", option.bestFor)
        lines.append(.blank)
        for rule in breached {
            paragraph("Not recommended with your other choices. \(rule.reason)", prefix: "! ", style: [.bold], role: .warning)
            lines.append(.blank)
        }
        paragraph(option.intro)
        if let recommendation = option.recommendation {
            lines.append(.blank)
            paragraph(recommendation, prefix: "★ ", style: [.bold], role: .callout)
        }
        list("Keep in mind", option.notes)
    }
    list("About this choice", guide.notes(of: property.section, for: state.selection))
    // The docs page puts "Pay out users" between the fees and the liability sections.
    if state.focus == .fees {
        let payouts = guide.payouts
        lines.append(.blank)
        lines.append(TextLine(" " + payouts.heading, style: [.bold, .underline], role: .heading))
        paragraph(payouts.intro)
        for note in guide.notes(of: payouts, for: state.selection) { paragraph(note, prefix: "• ") }
    }
    return lines
}

/// The steps panel: numbered steps with links, then advisories and the account configuration.
/// Depends only on the selection and the width (see `LayoutMemo`).
func stepsContent(model: AppModel, width: Int) -> [TextLine] {
    let measure = model.displayWidth
    let plan = model.plan
    var lines: [TextLine] = []
    for step in plan.steps {
        let number = "\(step.number). "
        var title = hangingParagraph(step.title, prefix: number, width: width, style: [.bold], role: .heading, displayWidth: measure)
        // "+" new, "~" changed by the last change of selection, in the column before the number.
        if let mark = model.stepMarks[step.slot], !title.isEmpty, !title[0].spans.isEmpty {
            title[0].spans[0].text.removeFirst()
            title[0].spans.insert(Span(text: String(mark.rawValue), style: [.bold, .reverse], role: .notice), at: 0)
        }
        lines += title
        let indent = String(repeating: " ", count: measure.of(number))
        lines += hangingParagraph(step.text, prefix: indent, width: width, displayWidth: measure)
        for link in step.links {
            lines += linkLines(label: link.label, url: link.url, indent: indent, width: width, model: model)
        }
        lines.append(.blank)
    }
    // Stripe's recommendations the selection goes against first, then the page's callouts
    // and the advisories.
    let cautions = plan.cautions
    if !cautions.isEmpty || !plan.callouts.isEmpty {
        lines.append(TextLine(" Cautions", style: [.bold, .underline], role: .heading))
        for caution in cautions where caution.kind == .recommendation {
            lines += hangingParagraph(
                "Stripe recommends: \(caution.title)", prefix: "! ", width: width, style: [.bold], role: .warning, displayWidth: measure)
            lines += hangingParagraph(caution.text, prefix: "  ", width: width, displayWidth: measure)
        }
        for callout in plan.callouts {
            lines += hangingParagraph(callout.title, prefix: "! ", width: width, style: [.bold], role: .warning, displayWidth: measure)
            lines += hangingParagraph(callout.text, prefix: "  ", width: width, displayWidth: measure)
        }
        for caution in cautions where caution.kind == .advisory {
            lines += hangingParagraph(caution.title, prefix: "! ", width: width, style: [.bold], role: .warning, displayWidth: measure)
            lines += hangingParagraph(caution.text, prefix: "  ", width: width, displayWidth: measure)
        }
        lines.append(.blank)
    }
    let configuration = plan.configuration(for: .v1)
    lines.append(TextLine(" Account configuration", style: [.bold, .underline], role: .heading))
    lines += hangingParagraph(
        "\(configuration.method) \(configuration.endpoint) with:", prefix: "", width: width, role: .muted, displayWidth: measure)
    for parameter in configuration.parameters {
        lines += hangingParagraph("\(parameter.name)=\(parameter.value)", prefix: "  ", width: width, displayWidth: measure)
    }
    lines += hangingParagraph(
        "Stripe-Version: \(plan.apiVersion)", prefix: "", width: width, role: .muted, displayWidth: measure)
    if let legacy = plan.legacyType {
        lines += hangingParagraph(model.guide.legacyTypeSentence(legacy), prefix: "", width: width, role: .muted, displayWidth: measure)
    }
    lines.append(.blank)
    lines += hangingParagraph(model.guide.scopeStatement, prefix: "", width: width, role: .muted, displayWidth: measure)
    return lines
}

/// A step's link. As a hyperlink it is never broken: after its label when it fits, else
/// on a line of its own, cut with "…" if still too long (the hyperlink keeps the whole
/// address). Without hyperlinks, the address is printed whole on lines of its own.
func linkLines(label: String, url: String, indent: String, width: Int, model: AppModel) -> [TextLine] {
    let measure = model.displayWidth
    let label = " " + indent + label + ": "
    guard model.options.hyperlinks else {
        return [TextLine(label, role: .muted)]
            + wrapAddress(url, width: width - 1, displayWidth: measure).map {
                TextLine([Span(text: " "), Span(text: $0, style: [.underline], role: .link)])
            }
    }
    if measure.of(label) + measure.of(url) <= width {
        return [TextLine([Span(text: label, role: .muted), Span(text: url, style: [.underline], role: .link, link: url)])]
    }
    let room = width - 1 - measure.of(indent)
    return [
        TextLine(label, role: .muted),
        TextLine([Span(text: " " + indent), Span(text: measure.truncate(url, to: room), style: [.underline], role: .link, link: url)]),
    ]
}

/// A paragraph wrapped to `width`, the first line after `prefix` and the rest indented
/// to match, each line starting one column in from the pane's border.
func hangingParagraph(
    _ text: String, prefix: String, width: Int, style: CellStyle = [], role: ColorRole = .plain,
    displayWidth: DisplayWidth
) -> [TextLine] {
    let prefixWidth = displayWidth.of(prefix)
    let hanging = String(repeating: " ", count: prefixWidth)
    var inCode = false
    return wrapText(text, width: width - 1 - prefixWidth, displayWidth: displayWidth).enumerated().map { index, line in
        TextLine([Span(text: " " + (index == 0 ? prefix : hanging), style: index == 0 ? style : [], role: role)]
            + codeSpans(line, style: style, role: role, inCode: &inCode))
    }
}

/// A line of content text as spans: inline code (between backticks) drawn with an attribute
/// instead of the backticks, bold in plain text, underlined in bold text. `inCode` carries
/// an open backtick over to the next wrapped line.
func codeSpans(_ line: String, style: CellStyle, role: ColorRole, inCode: inout Bool) -> [Span] {
    // Most lines have no backtick: one span, without going through the characters.
    if !line.utf8.contains(UInt8(ascii: "`")) {
        return [Span(text: line, style: inCode && !line.isEmpty ? codeStyle(style) : style, role: role)]
    }
    let codeStyle = codeStyle(style)
    var spans: [Span] = []
    var piece = ""
    func flush() {
        if !piece.isEmpty { spans.append(Span(text: piece, style: inCode ? codeStyle : style, role: role)) }
        piece = ""
    }
    for character in line {
        if character == "`" {
            flush()
            inCode.toggle()
        } else {
            piece.append(character)
        }
    }
    flush()
    return spans.isEmpty ? [Span(text: "", style: style, role: role)] : spans
}

/// Inline code stands out from the text around it: bold in plain text, underlined in bold.
private func codeStyle(_ style: CellStyle) -> CellStyle {
    style.union(style.contains(.bold) ? [.underline] : [.bold])
}

/// The plan in one line, for when the steps pane is not on screen (or is, by itself):
/// steps, what the last change did to them, cautions, and the key that switches panes.
func planStripLine(model: AppModel) -> TextLine {
    let plan = model.plan
    let added = model.stepMarks.values.filter { $0 == .added }.count
    let changed = model.stepMarks.values.filter { $0 == .changed }.count
    let cautions = plan.cautions.count
    var spans = [Span(text: " Plan: ", style: [.bold], role: .heading), Span(text: "\(plan.steps.count) steps")]
    if added + changed > 0 {
        let what = [added > 0 ? "+\(added) new" : nil, changed > 0 ? "~\(changed) changed" : nil].compactMap { $0 }
        spans.append(Span(text: " (" + what.joined(separator: ", ") + ")", style: [.bold], role: .notice))
    }
    spans.append(Span(text: " · "))
    spans.append(Span(text: "\(cautions) caution\(cautions == 1 ? "" : "s")", style: cautions > 0 ? [.bold] : [], role: cautions > 0 ? .warning : .plain))
    let key = model.stackedPane == .properties ? "w opens" : "w back to the properties"
    spans.append(Span(text: " · " + key, role: .muted))
    return TextLine(spans)
}

/// The steps panel's lines at a width, memoised (see `LayoutMemo`).
func stepsLines(model: AppModel, width: Int) -> [TextLine] {
    model.memo.stepsLines(for: model.state.selection, marks: model.stepMarks, width: width) { stepsContent(model: model, width: width) }
}

extension AppModel {
    /// The row of the steps panel where the first new or changed step starts.
    func firstMarkedStepRow() -> Int? {
        guard !stepMarks.isEmpty else { return nil }
        let marks = Set(StepMark.allCases.map { String($0.rawValue) })
        let layout = ScreenLayout(self)
        guard layout.mode != .tooSmall else { return nil }
        return stepsLines(model: self, width: layout.stepsWidth)
            .firstIndex { $0.spans.first.map { marks.contains($0.text) } == true }
    }
}

/// A web address too long for its line, broken after a "/" or "-" where one falls in the
/// line, so each piece reads as a part of the path rather than a cut word.
func wrapAddress(_ address: String, width: Int, displayWidth: DisplayWidth) -> [String] {
    let width = max(width, 1)
    var lines: [String] = []
    var line = ""
    var segment = ""
    func place(_ piece: String) {
        if displayWidth.of(line) + displayWidth.of(piece) > width, !line.isEmpty {
            lines.append(line)
            line = ""
        }
        line += piece
        // A single segment wider than the line is cut, as any wrapped word is.
        while displayWidth.of(line) > width {
            let head = displayWidth.truncate(line, to: width + 1).dropLast()
            lines.append(String(head))
            line = String(line.dropFirst(head.count))
        }
    }
    for character in address {
        segment.append(character)
        if character == "/" || character == "-" {
            place(segment)
            segment = ""
        }
    }
    place(segment)
    if !line.isEmpty { lines.append(line) }
    return lines
}

/// The core's wrapper, measuring with the terminal's idea of character width.
func wrapText(_ text: String, width: Int, displayWidth: DisplayWidth) -> [String] {
    wrap(text, width: max(width, 1), displayWidth: { displayWidth.of($0) })
}

/// Remembers the steps panel's lines for the last selection and width. They are most of
/// the text on screen and change only with the selection or the width, so a cursor move
/// need not wrap them again (callgrind: 3.7M instructions per arrow key before, most of
/// it here). Transparent: the lines are exactly what `stepsContent` returns.
final class LayoutMemo: Sendable {
    private struct Entry: Sendable {
        let selection: Selection
        let marks: [Int: StepMark]
        let width: Int
        let lines: [TextLine]
    }

    private let last = Mutex<Entry?>(nil)

    func stepsLines(for selection: Selection, marks: [Int: StepMark], width: Int, compute: () -> [TextLine]) -> [TextLine] {
        if let entry = last.withLock({ $0 }), entry.selection == selection, entry.marks == marks, entry.width == width {
            return entry.lines
        }
        let lines = compute()
        last.withLock { $0 = Entry(selection: selection, marks: marks, width: width, lines: lines) }
        return lines
    }
}
