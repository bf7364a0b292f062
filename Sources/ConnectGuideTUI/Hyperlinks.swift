import ConnectGuidePlatform

/// A link drawn on the screen: its cells and its full address.
public struct Hyperlink: Hashable, Sendable {
    public var row: Int
    public var column: Int
    public var width: Int
    public var url: String
}

/// Whether the terminal takes OSC 8 hyperlinks, judged from TERM and the variables
/// terminals set. Terminals that do not know OSC 8 mostly ignore it, so the answer is yes
/// unless TERM names one that is known to show it as garbage or drop the text (the Linux
/// console, old hardware terminals, GNU screen outside tmux). `CONNECT_GUIDE_HYPERLINKS`
/// (1 or 0) overrides the guess.
public func terminalSupportsHyperlinks(environment: [String: String]) -> Bool {
    switch environment["CONNECT_GUIDE_HYPERLINKS"] {
    case "1"?: return true
    case "0"?: return false
    default: break
    }
    let term = environment["TERM"] ?? ""
    if environment["TMUX"] != nil || environment["KITTY_WINDOW_ID"] != nil || environment["WT_SESSION"] != nil
        || environment["VTE_VERSION"] != nil || environment["KONSOLE_VERSION"] != nil || environment["TERM_PROGRAM"] != nil
    {
        return term != "linux"
    }
    let without = ["dumb", "linux", "cons25", "vt52", "vt100", "vt102", "vt220", "vt320", "ansi", "sun", "screen", "eterm", "emacs"]
    return !without.contains { term == $0 || term.hasPrefix($0 + "-") || term.hasPrefix($0 + ".") }
}

/// The bytes that turn the links on the given rows into hyperlinks: the cells are drawn
/// again, the same text in the same attributes, between OSC 8 brackets. The cursor and
/// attributes are saved and restored around it (DECSC/DECRC), so what ncurses believes
/// is on the terminal stays true.
func hyperlinkBytes(for frame: Frame, links: [Hyperlink], color: Bool, unicode: Bool) -> [UInt8] {
    guard !links.isEmpty else { return [] }
    var out = "\u{1B}7"
    for link in links {
        out += "\u{1B}[\(link.row + 1);\(link.column + 1)H"
        out += "\u{1B}]8;;\(link.url.filter { $0.isASCII && $0 != "\u{1B}" && $0 != "\u{07}" })\u{1B}\\"
        var text = ""
        var lastStyle: (CellStyle, ColorRole)?
        for column in link.column..<min(link.column + link.width, frame.size.columns) {
            let cell = frame[column, link.row]
            if lastStyle.map({ $0.0 != cell.style || $0.1 != cell.role }) ?? true {
                text += sgr(cell.style, role: cell.role, color: color)
                lastStyle = (cell.style, cell.role)
            }
            if cell.isContinuation { continue }
            text += unicode || cell.character.isASCII ? String(cell.character) : String(Character(asciiStandIn(for: cell.character)))
        }
        out += text + "\u{1B}]8;;\u{1B}\\"
    }
    out += "\u{1B}8"
    return Array(out.utf8)
}

/// The links whose cells ncurses may have written over since `previous`: all of them on a
/// fresh screen; otherwise new links, and links that overlap the span from the first to
/// the last changed cell of a drawn row (ncurses may rewrite unchanged cells inside it).
/// A link beside the change keeps its hyperlink, so an arrow key in the left pane sends
/// nothing for the links in the right one.
func linksToRewrite(_ frame: Frame, drawnRows: Set<Int>, previous: Frame?) -> [Hyperlink] {
    guard let previous, previous.size == frame.size else { return frame.links }
    let old = Set(previous.links)
    var spans: [Int: ClosedRange<Int>] = [:]
    func changedSpan(_ row: Int) -> ClosedRange<Int>? {
        if let known = spans[row] { return known }
        let columns = 0..<frame.size.columns
        guard let first = columns.first(where: { frame[$0, row] != previous[$0, row] }),
            let last = columns.last(where: { frame[$0, row] != previous[$0, row] })
        else { return nil }
        spans[row] = first...last
        return first...last
    }
    return frame.links.filter { link in
        if !old.contains(link) { return true }
        guard drawnRows.contains(link.row), let span = changedSpan(link.row) else { return false }
        return span.overlaps(link.column...(link.column + link.width - 1))
    }
}

/// Select Graphic Rendition for a cell: the attributes, and for links the colour ncurses uses.
private func sgr(_ style: CellStyle, role: ColorRole, color: Bool) -> String {
    var codes = ["0"]
    if style.contains(.bold) { codes.append("1") }
    if style.contains(.dim) { codes.append("2") }
    if style.contains(.underline) { codes.append("4") }
    if style.contains(.reverse) { codes.append("7") }
    if color, role == .link { codes.append("34") }
    return "\u{1B}[" + codes.joined(separator: ";") + "m"
}

/// OSC 52: asks the terminal to put `text` on the system clipboard.
func clipboardSequence(_ text: String) -> [UInt8] {
    Array("\u{1B}]52;c;\(base64(Array(text.utf8)))\u{07}".utf8)
}

/// Standard base64 with padding.
func base64(_ bytes: [UInt8]) -> String {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    var out: [UInt8] = []
    out.reserveCapacity((bytes.count + 2) / 3 * 4)
    var index = 0
    while index < bytes.count {
        let a = UInt32(bytes[index])
        let b = index + 1 < bytes.count ? UInt32(bytes[index + 1]) : 0
        let c = index + 2 < bytes.count ? UInt32(bytes[index + 2]) : 0
        let triple = a << 16 | b << 8 | c
        out.append(alphabet[Int(triple >> 18 & 63)])
        out.append(alphabet[Int(triple >> 12 & 63)])
        out.append(index + 1 < bytes.count ? alphabet[Int(triple >> 6 & 63)] : UInt8(ascii: "="))
        out.append(index + 2 < bytes.count ? alphabet[Int(triple & 63)] : UInt8(ascii: "="))
        index += 3
    }
    return String(decoding: out, as: UTF8.self)
}

extension Terminal {
    /// After a frame is out: makes its links hyperlinks again where the terminal's cells
    /// may have been rewritten (see `linksToRewrite`).
    func writeHyperlinks(_ frame: Frame, rows: Set<Int>, previous: Frame?) {
        let links = linksToRewrite(frame, drawnRows: rows, previous: previous)
        writeRaw(hyperlinkBytes(for: frame, links: links, color: hasColor, unicode: unicode))
    }

    /// Puts text on the clipboard with OSC 52 (the terminal may need to allow it).
    func copyToClipboard(_ text: String) {
        writeRaw(clipboardSequence(text))
    }

    /// Bytes straight to the terminal, after everything ncurses has sent (doupdate flushes).
    private func writeRaw(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { ConnectGuidePlatform.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }
}
