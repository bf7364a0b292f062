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
/// console, old hardware terminals, GNU screen), or the guide runs inside tmux: tmux 3.3
/// drops OSC 8, and 3.4 passes it on only with its `hyperlinks` feature turned on, which
/// nothing outside tmux can see. `CONNECT_GUIDE_HYPERLINKS` (1 or 0) overrides the guess.
public func terminalSupportsHyperlinks(environment: Environment) -> Bool {
    switch environment["CONNECT_GUIDE_HYPERLINKS"] {
    case "1"?: return true
    case "0"?: return false
    default: break
    }
    let term = environment["TERM"] ?? ""
    if environment["TMUX"] != nil || term.hasPrefix("tmux") { return false }
    if environment["KITTY_WINDOW_ID"] != nil || environment["WT_SESSION"] != nil
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
    var out = Array("\u{1B}7".utf8)
    for link in links {
        out += "\u{1B}[\(link.row + 1);\(link.column + 1)H\u{1B}]8;;".utf8
        out += link.url.utf8.filter { $0 < 0x80 && $0 != 0x1B && $0 != 0x07 }
        out += "\u{1B}\\".utf8
        var lastStyle: (CellStyle, ColorRole)?
        for column in link.column..<min(link.column + link.width, frame.size.columns) {
            let cell = frame[column, link.row]
            if lastStyle.map({ $0.0 != cell.style || $0.1 != cell.role }) ?? true {
                appendSGR(cell.style, role: cell.role, color: color, to: &out)
                lastStyle = (cell.style, cell.role)
            }
            if cell.isContinuation { continue }
            if cell.scalar.isASCII && !cell.isCluster {
                out.append(UInt8(cell.scalar.value))
            } else if unicode {
                out += String(frame.character(column, link.row)).utf8
            } else {
                out.append(UInt8(asciiStandIn(for: cell.scalar).value))
            }
        }
        out += "\u{1B}]8;;\u{1B}\\".utf8
    }
    out += "\u{1B}8".utf8
    return out
}

/// The links whose cells ncurses may have written over since `previous`: all of them on a
/// fresh screen; otherwise new links, and links that overlap the columns of a row that
/// were drawn again (`changes`, from `Frame.changes(since:)`; ncurses may rewrite
/// unchanged cells inside them). A link beside the change keeps its hyperlink, so an
/// arrow key in the left pane sends nothing for the links in the right one.
func linksToRewrite(_ frame: Frame, changes: [ChangedColumns?], previous: Frame?) -> [Hyperlink] {
    guard let previous, previous.size == frame.size else { return frame.links }
    let old = Set(previous.links)
    return frame.links.filter { link in
        if !old.contains(link) { return true }
        guard changes.indices.contains(link.row), let columns = changes[link.row] else { return false }
        return columns.overlaps(link.column..<(link.column + link.width))
    }
}

/// Select Graphic Rendition for a cell: the attributes, and for links the colour ncurses uses.
private func appendSGR(_ style: CellStyle, role: ColorRole, color: Bool, to out: inout [UInt8]) {
    out += "\u{1B}[0".utf8
    if style.contains(.bold) { out += ";1".utf8 }
    if style.contains(.dim) { out += ";2".utf8 }
    if style.contains(.underline) { out += ";4".utf8 }
    if style.contains(.reverse) { out += ";7".utf8 }
    if color, role == .link { out += ";34".utf8 }
    out.append(UInt8(ascii: "m"))
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
    func writeHyperlinks(_ frame: Frame, changes: [ChangedColumns?], previous: Frame?) {
        let links = linksToRewrite(frame, changes: changes, previous: previous)
        writeRaw(hyperlinkBytes(for: frame, links: links, color: hasColor, unicode: unicode))
    }

    /// Puts text on the clipboard with OSC 52 (the terminal may need to allow it).
    func copyToClipboard(_ text: String) {
        writeRaw(clipboardSequence(text))
    }

    /// Bytes straight to the terminal, after everything ncurses has sent (doupdate flushes).
    private func writeRaw(_ bytes: [UInt8]) {
        _ = writeAll(bytes, to: fd)
    }
}
