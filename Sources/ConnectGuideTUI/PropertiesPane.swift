// The left pane: the five selectors, the focused property's section with its options and
// their previews, and the explanation of the option under the cursor.

import ConnectGuideCore
import ConnectGuideDocuments
import ConnectGuideText

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
        let width = model.displayWidth
        let inner = pane.inset(by: 1)
        let textWidth = inner.width - 2
        let property = guide.property(model.cursor.focus)

        let allSelectors = selectorLines(model: model, width: inner.width)
        let introLines = wrapText(property.section.intro, width: textWidth, displayWidth: width).map { TextLine(" " + $0) }
        let highlighted = property.option(model.cursor.highlighted)
        explanationTitle = highlighted.map { "\($0.label)" } ?? ""
        // The property's own name, as in the selectors and the notices.
        sectionTitle = "\(model.cursor.focus.index + 1) · \(property.label)"

        // When rows are short, in turn: the intro scrolls with the explanation, each
        // preview ("→ sets ...") is cut to one line, the previews move onto their option's
        // line, and at last the options themselves are cut to the ones around the cursor.
        // The five selectors always stay: a choice moves them. A cut preview of the option under the cursor
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
            let advice = explanationLines.firstIndex { $0.block == .advice }
                .map { start in explanationLines[start...].firstIndex(of: .blank) ?? explanationLines.count } ?? 0
            explanationLines.insert(contentsOf: introLines + [.blank], at: min(advice + (advice > 0 ? 1 : 0), explanationLines.count))
        }
        if let cut = groups.first(where: { $0.underCursor && $0.previewCut }), let preview = cut.preview {
            explanationLines = hangingParagraph(preview, prefix: "→ ", width: textWidth, role: .muted, displayWidth: width)
                + [.blank] + explanationLines
        }
        selectors = keptSelectors
        intro = keptIntro
        options = groups.flatMap(\.lines)
        explanation = ScrolledLines(lines: explanationLines, visibleRows: rows(), requestedOffset: model.explanationScroll)
    }
}

private func selectorLines(model: AppModel, width: Int) -> [TextLine] {
    let guide = model.guide
    let cautioned = cautionedProperties(model)
    let labelWidth = labelColumn(model)
    return guide.properties.map { property in
        let measure = model.displayWidth
        let head = selectorHead(model: model, property: property, labelWidth: labelWidth)
        let cautioned = cautioned.contains(property.id)
        let moved = model.movedProperties.contains(property.id)
        let room = width - measure.of(head) - 1 - (cautioned ? 2 : 0) - (moved ? 2 : 0)
        let option = property.option(model.state.selection[property.id])
        let label = option.map { measure.of($0.label) <= room ? $0.label : $0.shortLabel } ?? ""
        return selectorLine(model: model, property: property, head: head, value: measure.truncate(label, to: room), cautioned: cautioned)
    }
}

/// "1 Onboarding            ": the number and the property's name, padded to `labelWidth`
/// (`labelColumn`) so the values line up.
private func selectorHead(model: AppModel, property: Property, labelWidth: Int) -> String {
    " \(property.id.index + 1) " + model.displayWidth.pad(property.label, to: labelWidth) + " "
}

/// The widest property name.
private func labelColumn(_ model: AppModel) -> Int {
    model.guide.properties.map { model.displayWidth.of($0.label) }.max() ?? 0
}

/// The properties whose value in the selection goes against a recommendation.
private func cautionedProperties(_ model: AppModel) -> PropertySet {
    var result: PropertySet = []
    for rule in model.guide.breachedRecommendations(of: model.state.selection) { result.formUnion(rule.properties) }
    return result
}

/// A property's row: reverse video when focused (the one focus marker beside the option
/// cursor's ▸), highlighted when the last choice moved it, "!" when its value goes against
/// a recommendation.
private func selectorLine(model: AppModel, property: Property, head: String, value: String, cautioned: Bool) -> TextLine {
    let focused = property.id == model.cursor.focus
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
    let cautioned = cautionedProperties(model)
    let labelWidth = labelColumn(model)
    var lines: [TextLine] = []
    for property in guide.properties {
        let head = selectorHead(model: model, property: property, labelWidth: labelWidth)
        let value = property.option(model.state.selection[property.id])?.label ?? ""
        let cautioned = cautioned.contains(property.id)
        lines.append(selectorLine(model: model, property: property, head: head, value: measure.truncate(value, to: width - measure.of(head) - 5), cautioned: cautioned))
        if property.id == model.cursor.focus {
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
    /// What choosing the option would move, worded ("sets ..."; drawn after a → mark), or
    /// nil when it moves nothing else.
    var preview: String?
    /// True when the preview is not shown whole.
    var previewCut: Bool
}

func optionGroups(model: AppModel, width: Int, previews form: PreviewForm) -> [OptionGroup] {
    let guide = model.guide
    let state = model.state
    let measure = model.displayWidth
    let property = guide.property(model.cursor.focus)
    var groups: [OptionGroup] = []
    for option in property.options {
        let chosen = state.selection[property.id] == option.id
        let underCursor = model.cursor.highlighted == option.id
        let target = HitTarget.option(property.id, option.id)
        let head = (underCursor ? " ▸ " : "   ") + (chosen ? "(•) " : "( ) ")
        var spans = [
            Span(text: head, style: chosen ? [.bold] : [], role: chosen ? .selected : .plain),
            Span(text: option.label, style: underCursor ? [.reverse, .bold] : (chosen ? [.bold] : []), role: underCursor ? .focus : .plain),
        ]
        // Marked before it is chosen: an option that goes against a recommendation.
        let (moves, breached) = model.memo.consequences(ofChoosing: option.id, for: property.id, in: state, guide: guide)
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
        // The arrow is a mark: what follows it is the worded preview, kept whole for the explanation.
        let sets = guide.text.tui.previewSets(changes: moves.map(guide.destination).joined(separator: ", "))
        let preview = "→ " + sets
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
        groups.append(OptionGroup(lines: lines, underCursor: underCursor, preview: sets, previewCut: cut))
    }
    return groups
}

private func explanationContent(model: AppModel, width: Int) -> [TextLine] {
    let guide = model.guide
    let state = model.state
    let measure = model.displayWidth
    let property = guide.property(model.cursor.focus)
    let text = guide.text.tui
    var lines: [TextLine] = []
    func paragraph(_ text: String, prefix: String = "", style: CellStyle = [], role: ColorRole = .plain) {
        lines += hangingParagraph(text, prefix: prefix, width: width, style: style, role: role, displayWidth: measure)
    }
    func list(_ heading: String, _ items: [String], block: LineBlock? = nil) {
        guard !items.isEmpty else { return }
        lines.append(.blank)
        var title = TextLine(" " + heading, style: [.bold], role: .heading)
        title.block = block
        lines.append(title)
        for item in items { paragraph(item, prefix: "• ") }
    }

    if let option = property.option(model.cursor.highlighted) {
        // Why the option is marked "!": flagged first in one line, each recommendation it goes
        // against in plain words after "Best for", which must show without scrolling.
        let breached = model.memo.consequences(ofChoosing: option.id, for: property.id, in: state, guide: guide).breached
        if !breached.isEmpty {
            paragraph(text.advisesAgainst, prefix: "! ", style: [.bold], role: .warning)
        }
        paragraph(option.summary, style: [.bold])
        // "Best for" (with the page's examples) comes before the longer text.
        list(text.bestFor, option.bestFor, block: .advice)
        lines.append(.blank)
        for rule in breached {
            paragraph(text.notRecommended(reason: rule.reason), prefix: "! ", style: [.bold], role: .warning)
            lines.append(.blank)
        }
        paragraph(option.intro)
        if let recommendation = option.recommendation {
            lines.append(.blank)
            paragraph(recommendation, prefix: "★ ", style: [.bold], role: .callout)
        }
        list(text.keepInMind, option.notes)
    }
    list(text.aboutThisChoice, guide.notes(of: property.section, for: state.selection))
    // Where the docs page puts "Pay out users" (between the fees and the liability sections).
    if model.cursor.focus == guide.payoutsAfter {
        let payouts = guide.payouts
        lines.append(.blank)
        lines.append(TextLine(" " + payouts.heading, style: [.bold, .underline], role: .heading))
        paragraph(payouts.intro)
        for note in guide.notes(of: payouts, for: state.selection) { paragraph(note, prefix: "• ") }
    }
    return lines
}
