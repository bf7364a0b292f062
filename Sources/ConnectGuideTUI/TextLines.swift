// Lines of text as the panes hold them before they are placed on the screen: spans of one
// style, lines, a scrolled window of lines, and the wrapping that makes them.

import ConnectGuideCore
import ConnectGuideDocuments

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
    /// What the line starts, for layout and scrolling to find it by structure, never by
    /// its words or marks.
    var block: LineBlock?

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

/// A block of content that layout and scrolling look for.
enum LineBlock: Hashable, Sendable {
    /// The first line of plan step `number`, with its mark when the last change added or changed it.
    case step(number: Int, mark: StepMark?)
    /// The heading of an option's advice (who it is best for), which must show unscrolled.
    case advice
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

/// A step's link. As a hyperlink it is never broken: after its label when it fits, else
/// on a line of its own, cut with "…" if still too long (the hyperlink keeps the whole
/// address). Without hyperlinks, the address is printed whole on lines of its own.
func linkLines(label: String, url: String, indent: String, width: Int, model: AppModel) -> [TextLine] {
    let measure = model.displayWidth
    let label = " " + indent + label + ": "
    guard model.options.hyperlinks else {
        // Under its label, indented as the label is when the whole address fits so;
        // otherwise from the pane's edge, wrapped at `/` only if it must be.
        let indented = " " + indent
        let lead = measure.of(indented) + measure.of(url) <= width ? indented : " "
        return [TextLine(label, role: .muted)]
            + wrapAddress(url, width: width - measure.of(lead), displayWidth: measure).map {
                TextLine([Span(text: lead), Span(text: $0, style: [.underline], role: .link)])
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
