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
    let propertiesPane: Rect?
    let stepsPane: Rect?
    let properties: PropertiesPaneLayout?
    let steps: ScrolledLines?

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
            propertiesPane = nil
            stepsPane = nil
            properties = nil
            steps = nil
            return
        }

        var notice: [TextLine] = []
        if let message = model.notice {
            let role: ColorRole = message.kind == .error ? .warning : .notice
            let maximum = size.rows >= 24 ? 3 : 2
            let wrapped = wrapText(message.text, width: size.columns - 2, displayWidth: width)
            notice = wrapped.prefix(maximum).enumerated().map { index, line in
                let cut = index == maximum - 1 && wrapped.count > maximum
                return TextLine(" " + (cut ? width.truncate(line + " …", to: size.columns - 2) : line), style: [.bold], role: role)
            }
        }
        noticeLines = notice

        let body = Rect(x: 0, y: 1, width: size.columns, height: size.rows - 2 - notice.count)
        switch mode {
        case .wide:
            // The steps panel holds more text than the section, so it gets the larger share.
            let left = size.columns * 9 / 20
            propertiesPane = Rect(x: 0, y: body.y, width: left, height: body.height)
            stepsPane = Rect(x: left, y: body.y, width: size.columns - left, height: body.height)
        case .stacked(.properties):
            propertiesPane = body
            stepsPane = nil
        default:
            propertiesPane = nil
            stepsPane = body
        }
        properties = propertiesPane.map { PropertiesPaneLayout(model: model, pane: $0) }
        steps = stepsPane.map { pane in
            let inner = pane.inset(by: 1)
            let width = inner.width - 1
            return ScrolledLines(
                lines: model.memo.stepsLines(for: model.state.selection, width: width) { stepsContent(model: model, width: width) },
                visibleRows: inner.height, requestedOffset: model.stepsScroll)
        }
    }

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

    /// Rows the explanation keeps, when the pane has them, before anything above it is cut.
    static let wantedExplanationRows = 3

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
        sectionTitle = "\(state.focus.index + 1) · \(property.section.heading)"

        // When rows are short, in turn: the intro scrolls with the explanation, each
        // preview ("→ sets ...") is cut to one line, only the focused selector stays, the
        // previews move onto their option's line, and at last the options themselves are
        // cut to the ones around the cursor. A cut preview of the option under the cursor
        // is shown whole at the top of the explanation.
        let wanted = Self.wantedExplanationRows
        var keptIntro = introLines
        var keptSelectors = allSelectors
        var groups = optionGroups(model: model, width: inner.width, previews: .whole)
        func rows() -> Int { inner.height - keptSelectors.count - 2 - keptIntro.count - groups.reduce(0) { $0 + $1.lines.count } }
        if rows() < wanted {
            keptIntro = []
        }
        if rows() < wanted {
            groups = optionGroups(model: model, width: inner.width, previews: .oneLine)
        }
        if rows() < wanted {
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
            explanationLines = introLines + [.blank] + explanationLines
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
    let measure = model.displayWidth
    let labelWidth = guide.properties.map { measure.of($0.shortLabel) }.max() ?? 0
    // A property whose value goes against a recommendation gets a "!" after its value.
    let breached = guide.breachedRecommendations(of: model.state.selection)
    return guide.properties.map { property in
        let focused = property.id == model.state.focus
        let head = (focused ? "▸" : " ") + "\(property.id.index + 1) " + measure.pad(property.shortLabel, to: labelWidth) + " "
        let cautioned = breached.contains { $0.properties.contains(property.id) }
        let room = width - measure.of(head) - 4 - (cautioned ? 2 : 0)
        let option = property.option(model.state.selection[property.id])
        let label = option.map { measure.of($0.label) <= room ? $0.label : $0.shortLabel } ?? ""
        var spans = [
            Span(text: head, style: focused ? [.bold] : [], role: focused ? .focus : .plain),
            Span(text: "‹ " + measure.truncate(label, to: room) + " ›", style: [.bold], role: .selected),
        ]
        if cautioned { spans.append(Span(text: " !", style: [.bold], role: .warning)) }
        return TextLine(spans, target: .property(property.id), rowStyle: focused ? [.reverse] : [])
    }
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
        let advisedAgainst = !guide.breachedRecommendations(choosing: option.id, for: property.id, in: state).isEmpty
        let mark = advisedAgainst ? " !" : ""
        if advisedAgainst { spans.append(Span(text: mark, style: [.bold], role: .warning)) }
        let moves = guide.preview(choosing: option.id, for: property.id, in: state)
        guard !moves.isEmpty else {
            groups.append(OptionGroup(lines: [TextLine(spans, target: target)], underCursor: underCursor, preview: nil, previewCut: false))
            continue
        }
        let preview = "→ sets " + moves.map(guide.destination).joined(separator: ", ")
        let used = measure.of(head) + measure.of(option.label) + measure.of(mark) + 2
        var lines: [TextLine] = []
        var cut = false
        if used + measure.of(preview) <= width - 1 {
            spans.append(Span(text: "  " + preview, role: .muted))
            lines.append(TextLine(spans, target: target))
        } else {
            let indent = String(repeating: " ", count: 7)
            switch form {
            case .whole:
                lines.append(TextLine(spans, target: target))
                for piece in wrapText(preview, width: width - 8, displayWidth: measure) {
                    lines.append(TextLine([Span(text: indent + piece, role: .muted)], target: target))
                }
            case .oneLine:
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
        // Why the option is marked "!": each recommendation it goes against, in plain words.
        for rule in guide.breachedRecommendations(choosing: option.id, for: property.id, in: state) {
            paragraph("Not recommended with your other choices. \(rule.reason)", prefix: "! ", style: [.bold], role: .warning)
            lines.append(.blank)
        }
        paragraph(option.summary, style: [.bold])
        paragraph(option.intro)
        if let recommendation = option.recommendation {
            lines.append(.blank)
            paragraph(recommendation, prefix: "★ ", style: [.bold], role: .callout)
        }
        list("Best for", option.bestFor)
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
        lines += hangingParagraph(step.title, prefix: number, width: width, style: [.bold], role: .heading, displayWidth: measure)
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
    return wrapText(text, width: width - 1 - prefixWidth, displayWidth: displayWidth).enumerated().map { index, line in
        TextLine([
            Span(text: " " + (index == 0 ? prefix : hanging), style: index == 0 ? style : [], role: role),
            Span(text: line, style: style, role: role),
        ])
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
        let width: Int
        let lines: [TextLine]
    }

    private let last = Mutex<Entry?>(nil)

    func stepsLines(for selection: Selection, width: Int, compute: () -> [TextLine]) -> [TextLine] {
        if let entry = last.withLock({ $0 }), entry.selection == selection, entry.width == width { return entry.lines }
        let lines = compute()
        last.withLock { $0 = Entry(selection: selection, width: width, lines: lines) }
        return lines
    }
}
