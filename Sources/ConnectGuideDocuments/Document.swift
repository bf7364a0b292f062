import ConnectGuideCore
import ConnectGuideText

/// A document as a list of blocks: the plan is built into one once (`Guide.planDocument`),
/// and the text and Markdown writers each render the same blocks their own way, so the two
/// formats cannot drift apart.
public enum Block: Hashable, Sendable {
    /// The document's title: the first line of text, `#` in Markdown.
    case title(String)
    /// A section heading: a line of its own in text, `##` in Markdown.
    case heading(String)
    case paragraph(String)
    /// Label and value pairs: aligned columns in text, a table in Markdown.
    case table(header: (String, String), rows: [Row])
    /// A remark about how the document came about: a Markdown quote, left out of text
    /// (where it goes to stderr instead).
    case aside(String)
    /// The numbered integration steps.
    case steps([Step])
    /// Warnings with an id: `! id · title` in text, a bullet in Markdown.
    case notices([Notice])
    /// Lines to show as they are: indented in text, a fenced block in Markdown.
    case code([String])
    /// A link with a label: `label: url` in text, `label: <url>` in Markdown.
    case link(label: String, url: String)

    public struct Row: Hashable, Sendable {
        public let label: String
        public let value: String
    }

    public struct Step: Hashable, Sendable {
        public let number: Int
        public let title: String
        public let text: String
        public let links: [(label: String, url: String)]

        public static func == (lhs: Step, rhs: Step) -> Bool {
            lhs.number == rhs.number && lhs.title == rhs.title && lhs.text == rhs.text
                && lhs.links.map(\.label) == rhs.links.map(\.label) && lhs.links.map(\.url) == rhs.links.map(\.url)
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(number)
            hasher.combine(title)
            for link in links { hasher.combine(link.url) }
        }
    }

    public struct Notice: Hashable, Sendable {
        public let id: String
        public let title: String
        public let text: String
        public let links: [DocLink]
    }

    public static func == (lhs: Block, rhs: Block) -> Bool {
        switch (lhs, rhs) {
        case (.title(let a), .title(let b)), (.heading(let a), .heading(let b)), (.paragraph(let a), .paragraph(let b)),
            (.aside(let a), .aside(let b)):
            a == b
        case (.table(let a, let rowsA), .table(let b, let rowsB)): a == b && rowsA == rowsB
        case (.steps(let a), .steps(let b)): a == b
        case (.notices(let a), .notices(let b)): a == b
        case (.code(let a), .code(let b)): a == b
        case (.link(let labelA, let urlA), .link(let labelB, let urlB)): labelA == labelB && urlA == urlB
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .title(let text), .heading(let text), .paragraph(let text), .aside(let text): hasher.combine(text)
        case .table(_, let rows): hasher.combine(rows)
        case .steps(let steps): hasher.combine(steps)
        case .notices(let notices): hasher.combine(notices)
        case .code(let lines): hasher.combine(lines)
        case .link(let label, let url): hasher.combine(label + url)
        }
    }
}

/// Plain text, wrapped to `width` columns.
public func plainText(_ blocks: [Block], width: Int = 80) -> String {
    var lines: [String] = []
    for (index, block) in blocks.enumerated() {
        // A title is followed directly by its subtitle paragraph; every other block is
        // separated from the next by a blank line.
        let next = index + 1 < blocks.count ? blocks[index + 1] : nil
        switch block {
        case .title(let text):
            lines.append(text)
            if case .paragraph? = next { continue }
        case .heading(let text):
            lines.append(text)
            continue
        case .paragraph(let text):
            lines += wrapKeepingWords(prose(text), width: width)
        case .table(_, let rows):
            let labelWidth = rows.map { terminalColumns(of: $0.label) }.max() ?? 0
            lines += rows.map { "  " + $0.label.padded(to: labelWidth) + "  " + $0.value }
        case .aside:
            continue
        case .steps(let steps):
            for step in steps {
                let prefix = "\(step.number). ".leftPadded(to: 4)
                lines += wrapKeepingWords(prose(step.title), width: width - 4).enumerated().map { ($0 == 0 ? prefix : "    ") + $1 }
                lines += wrapKeepingWords(prose(step.text), width: width - 4).map { "    " + $0 }
                lines += step.links.map { "    \($0.label): \($0.url)" }
                if step != steps.last { lines.append("") }
            }
        case .notices(let notices):
            for notice in notices {
                lines += wrapKeepingWords(prose("! \(notice.id) · \(notice.title)"), width: width - 2).enumerated().map { ($0 == 0 ? "  " : "    ") + $1 }
                lines += wrapKeepingWords(prose(notice.text), width: width - 4).map { "    " + $0 }
                lines += notice.links.map { "    \($0.url)" }
            }
        case .code(let code):
            lines += code.map { "  " + $0 }
        case .link(let label, let url):
            lines.append("\(label): \(url)")
        }
        if next != nil { lines.append("") }
    }
    return lines.joined(separator: "\n") + "\n"
}

/// Content text for plain text: the backticks that mark code in Markdown (and on the
/// screen, as an attribute) would show as they are.
func prose(_ text: String) -> String {
    text.contains("`") ? String(text.filter { $0 != "`" }) : text
}

/// CommonMark, its sentences ended and put side by side as `guide`'s language does, a
/// notice's pointer to its links worded by it ("See [a](…), [b](…).").
public func markdown(_ blocks: [Block], in guide: Guide) -> String {
    var lines: [String] = []
    for block in blocks {
        switch block {
        case .title(let text):
            lines.append("# " + text)
        case .heading(let text):
            lines.append("## " + text)
        case .paragraph(let text):
            lines.append(text)
        case .table(let header, let rows):
            lines.append("| \(header.0) | \(header.1) |")
            lines.append("| --- | --- |")
            lines += rows.map { "| \($0.label) | \($0.value) |" }
        case .aside(let text):
            lines.append("> " + text)
        case .steps(let steps):
            for step in steps {
                lines.append("\(step.number). **\(step.title)**  ")
                lines.append("   \(step.text)  ")
                lines.append("   " + step.links.map { "[\($0.label)](\($0.url))" }.joined(separator: " · "))
            }
        case .notices(let notices):
            for notice in notices {
                let linked = notice.links.map { "[\($0.title)](\($0.url))" }.joined(separator: ", ")
                let heading = guide.sentence("**\(notice.title)** (\(notice.id))")
                lines.append("- " + guide.sentences([heading, notice.text] + (linked.isEmpty ? [] : [guide.text.documents.seeAlso(links: linked)])))
            }
        case .code(let code):
            lines.append("```")
            lines += code
            lines.append("```")
        case .link(let label, let url):
            lines.append("\(label): <\(url)>")
        }
        lines.append("")
    }
    while lines.last == "" { lines.removeLast() }
    return lines.joined(separator: "\n") + "\n"
}

/// Lines no wider than `width` terminal columns, broken at spaces (and in Japanese between
/// characters), for the documents: a word wider than the line (an address, most often)
/// stays whole on a line of its own, so it can be copied and clicked, where the screen's
/// `wrap` would cut it.
func wrapKeepingWords(_ text: String, width: Int) -> [String] {
    breakLines(text, width: width, cutsLongWords: false)
}

/// `wrapKeepingWords` of content text, without its code backticks (`prose`).
func wrapKeepingWords(prose text: String, width: Int) -> [String] {
    wrapKeepingWords(prose(text), width: width)
}
