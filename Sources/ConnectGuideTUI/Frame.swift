import ConnectGuideCore
import ConnectGuideDocuments

/// The terminal's size in character cells.
public struct TerminalSize: Hashable, Sendable, CustomStringConvertible {
    public var columns: Int
    public var rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }

    public var description: String { "\(columns)x\(rows)" }
}

/// Video attributes of a cell; all of them show without colour.
public struct CellStyle: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = CellStyle(rawValue: 1 << 0)
    public static let reverse = CellStyle(rawValue: 1 << 1)
    public static let underline = CellStyle(rawValue: 1 << 2)
    public static let dim = CellStyle(rawValue: 1 << 3)
}

/// What a cell's text is, for choosing its colour. The terminal layer maps roles to
/// colour pairs; without colour every role draws in the default colours.
public enum ColorRole: UInt8, CaseIterable, Hashable, Sendable {
    case plain
    case title
    case border
    case heading
    case focus
    case selected
    case link
    case warning
    case notice
    case muted
    case callout
}

/// One character cell of the screen: eight bytes, so a frame is one flat block that
/// copies and compares without reference counting or grapheme breaking.
public struct Cell: Hashable, Sendable {
    /// The character drawn, or its first scalar when it has more (see `isCluster`).
    public var scalar: Unicode.Scalar
    public var style: CellStyle
    public var role: ColorRole
    /// The right half of a wide character drawn in the cell before; draws nothing itself.
    public var isContinuation: Bool
    /// The character has more than one scalar (a letter with combining marks, an emoji
    /// sequence); the whole of it is in the frame's `clusters`.
    public var isCluster: Bool

    public init(_ scalar: Unicode.Scalar = " ", style: CellStyle = [], role: ColorRole = .plain, isContinuation: Bool = false) {
        self.scalar = scalar
        self.style = style
        self.role = role
        self.isContinuation = isContinuation
        isCluster = false
    }

    public static let blank = Cell()
}

/// A rectangle of cells, origin at the top left.
public struct Rect: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(width, 0)
        self.height = max(height, 0)
    }

    public func contains(column: Int, row: Int) -> Bool {
        column >= x && column < x + width && row >= y && row < y + height
    }

    /// The rectangle less `amount` cells on every side (inside a border).
    public func inset(by amount: Int) -> Rect {
        Rect(x: x + amount, y: y + amount, width: width - 2 * amount, height: height - 2 * amount)
    }
}

/// The columns of a row, `lowerBound..<upperBound`, that the terminal layer sends again.
/// A type of its own rather than `Range<Int>`: an array of ranges needs Range's generic
/// metadata at the first frame, whose `Int: Comparable` check scans every conformance
/// record in the binary (about 150K instructions of the start).
struct ChangedColumns: Hashable, Sendable {
    var lowerBound: Int
    var upperBound: Int

    var range: Range<Int> { lowerBound..<upperBound }

    func overlaps(_ other: Range<Int>) -> Bool { range.overlaps(other) }
}

/// What a mouse event over a part of the screen acts on.
public enum HitTarget: Hashable, Sendable {
    case property(PropertyID)
    case option(PropertyID, OptionID)
    case scrollArea(ScrollArea)
    /// A setup in the preset chooser, by its index.
    case preset(Int)
    case overlay
    /// Nothing that reacts: borders, the title bar, empty space.
    case background
}

/// The panes that scroll on their own.
public enum ScrollArea: Hashable, Sendable {
    case explanation
    case steps
    case help
}

/// A whole screen: what to draw in every cell, and which parts answer the mouse.
/// Rendering is a pure function from the app model to a frame; only the terminal
/// layer turns frames into output.
public struct Frame: Sendable {
    public let size: TerminalSize
    public internal(set) var cells: [Cell]
    /// The characters of cells marked `isCluster`, by cell index. An entry whose cell no
    /// longer has the mark is stale and ignored.
    public internal(set) var clusters: [Int: Character] = [:]
    /// Later regions lie on top of earlier ones.
    public private(set) var hitRegions: [(rect: Rect, target: HitTarget)] = []
    /// Cells that are links, with their full addresses (drawn as OSC 8 hyperlinks).
    public private(set) var links: [Hyperlink] = []
    let displayWidth: DisplayWidth

    public init(size: TerminalSize, displayWidth: DisplayWidth) {
        self.size = size
        self.displayWidth = displayWidth
        cells = Array(repeating: .blank, count: max(size.columns, 0) * max(size.rows, 0))
    }

    public subscript(column: Int, row: Int) -> Cell {
        get { cells[row * size.columns + column] }
        set { cells[row * size.columns + column] = newValue }
    }

    /// The whole character a cell shows.
    public func character(_ column: Int, _ row: Int) -> Character {
        let index = row * size.columns + column
        return cells[index].isCluster ? clusters[index] ?? Character(cells[index].scalar) : Character(cells[index].scalar)
    }

    /// Whether the cell at `index` shows differently from the same cell of `old` (a frame of
    /// the same size): its own data, or the character kept aside for one of several scalars.
    @inline(__always)
    func cell(at index: Int, differsFrom old: Frame) -> Bool {
        cells[index] != old.cells[index] || (cells[index].isCluster && clusters[index] != old.clusters[index])
    }

    /// For each row, by its index, the columns from its first to its last cell that differ
    /// from `old` (a frame of the same size), widened to whole wide characters, or nil
    /// when the row is the same: what the terminal layer must send again.
    func changes(since old: Frame) -> [ChangedColumns?] {
        var result = [ChangedColumns?](repeating: nil, count: size.rows)
        let width = size.columns
        let compareClusters = !clusters.isEmpty || !old.clusters.isEmpty
        cells.withUnsafeBufferPointer { new in
            old.cells.withUnsafeBufferPointer { was in
                func differs(_ index: Int) -> Bool { cell(at: index, differsFrom: old) }
                // Most rows are unchanged: compared eight bytes at a time, a cell being
                // plain data of that size, that says so quickly.
                var bytes: (new: UnsafeRawPointer, old: UnsafeRawPointer)?
                if !compareClusters, MemoryLayout<Cell>.size == 8, MemoryLayout<Cell>.stride == 8,
                    let newCells = new.baseAddress, let oldCells = was.baseAddress
                {
                    bytes = (UnsafeRawPointer(newCells), UnsafeRawPointer(oldCells))
                }
                for row in 0..<size.rows {
                    let base = row * width
                    if let bytes, sameBytes(bytes.new + base * 8, bytes.old + base * 8, words: width) { continue }
                    var first = 0
                    while first < width && !differs(base + first) { first += 1 }
                    guard first < width else { continue }
                    var last = width - 1
                    while !differs(base + last) { last -= 1 }
                    if first > 0, new[base + first].isContinuation || was[base + first].isContinuation { first -= 1 }
                    if last + 1 < width, new[base + last + 1].isContinuation || was[base + last + 1].isContinuation { last += 1 }
                    result[row] = ChangedColumns(lowerBound: first, upperBound: last + 1)
                }
            }
        }
        return result
    }

    /// Whether `words` eight-byte words at the two places are the same.
    private func sameBytes(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, words: Int) -> Bool {
        for offset in stride(from: 0, to: words * 8, by: 8)
        where a.load(fromByteOffset: offset, as: UInt64.self) != b.load(fromByteOffset: offset, as: UInt64.self) {
            return false
        }
        return true
    }

    /// The topmost target under the cell.
    public func target(column: Int, row: Int) -> HitTarget {
        hitRegions.last { $0.rect.contains(column: column, row: row) }?.target ?? .background
    }

    mutating func addHitRegion(_ rect: Rect, _ target: HitTarget) {
        hitRegions.append((rect, target))
    }

    mutating func addLink(_ link: Hyperlink) {
        guard link.width > 0, link.row >= 0, link.row < size.rows else { return }
        links.append(link)
    }

    /// Drops the links under an overlay: the cells now hold the overlay's text.
    mutating func dropLinks(under rect: Rect) {
        links = links.compactMap { link in
            guard link.row >= rect.y, link.row < rect.y + rect.height else { return link }
            let end = link.column + link.width
            if end <= rect.x || link.column >= rect.x + rect.width { return link }
            // A link partly under the box keeps the part to the left of it.
            guard link.column < rect.x else { return nil }
            return Hyperlink(row: link.row, column: link.column, width: rect.x - link.column, url: link.url)
        }
    }

    /// Drops the regions under an overlay, so clicks cannot reach through it.
    mutating func coverHitRegions(with rect: Rect) {
        hitRegions.append((rect, .overlay))
    }

    // MARK: Drawing

    /// Writes text from (column, row), at most `width` columns; returns the columns used.
    /// A wide character that would straddle the limit is replaced by a space.
    @discardableResult
    mutating func write(
        _ text: String, column: Int, row: Int, width: Int? = nil, style: CellStyle = [], role: ColorRole = .plain
    ) -> Int {
        guard row >= 0, row < size.rows else { return 0 }
        let limit = min(column + (width ?? size.columns), size.columns)
        // Most text is printable ASCII: one cell per byte, nothing to measure or replace.
        if isPrintableASCII(text.utf8) {
            let end = min(column + text.utf8.count, limit)
            guard end > max(column, 0) else { return max(end - column, 0) }
            let first = max(column, 0)
            clearWideCharacter(at: first, row: row)
            clearWideCharacter(at: end - 1, row: row)
            let base = row * size.columns + column
            var text = text
            text.withUTF8 { bytes in
                cells.withUnsafeMutableBufferPointer { cells in
                    for offset in (first - column)..<(end - column) {
                        cells[base + offset] = Cell(Unicode.Scalar(bytes[offset]), style: style, role: role)
                    }
                }
            }
            return end - column
        }
        var x = column
        if isSingleScalarText(text) {
            // Each scalar a character: no grapheme breaking, no clusters.
            for scalar in text.unicodeScalars {
                guard place(scalar, cluster: nil, width: displayWidth.of(scalar), at: &x, row: row, limit: limit, style: style, role: role)
                else { break }
            }
        } else {
            characters: for whole in text {
                // A zero-width joiner sequence goes in as the characters it joins, as ncurses draws it.
                let parts = whole.unicodeScalars.contains(DisplayWidth.zeroWidthJoiner) ? DisplayWidth.joinedParts(of: whole) : [whole]
                for character in parts {
                    let printable = character.isPrintableInTerminal ? character : "?"
                    let scalars = printable.unicodeScalars
                    let cluster = scalars.index(after: scalars.startIndex) != scalars.endIndex ? printable : nil
                    guard place(scalars.first ?? " ", cluster: cluster, width: displayWidth.of(printable), at: &x, row: row, limit: limit, style: style, role: role)
                    else { break characters }
                }
            }
        }
        return max(x - column, 0)
    }

    /// Places one character of `width` columns at `x` and moves `x` past it; false, with
    /// `x` at the limit, when it does not fit (a wide one that would straddle the limit
    /// leaves a space). A character of several scalars is kept in `clusters`.
    private mutating func place(
        _ scalar: Unicode.Scalar, cluster: Character?, width: Int, at x: inout Int, row: Int, limit: Int, style: CellStyle,
        role: ColorRole
    ) -> Bool {
        if width == 0 { return true }
        if x + width > limit {
            if x < limit, x >= 0 {
                clearWideCharacter(at: x, row: row)
                self[x, row] = Cell(" ", style: style, role: role)
            }
            x = limit
            return false
        }
        if x >= 0 {
            clearWideCharacter(at: x, row: row)
            var cell = Cell(scalar, style: style, role: role)
            if let cluster {
                cell.isCluster = true
                clusters[row * size.columns + x] = cluster
            }
            self[x, row] = cell
            if width == 2 {
                clearWideCharacter(at: x + 1, row: row)
                self[x + 1, row] = Cell(" ", style: style, role: role, isContinuation: true)
            }
        }
        x += width
        return true
    }

    /// Overwriting half of a wide character blanks its other half, so no cell is left orphaned.
    private mutating func clearWideCharacter(at column: Int, row: Int) {
        let cell = self[column, row]
        if cell.isContinuation, column > 0 {
            self[column - 1, row] = Cell(" ", style: self[column - 1, row].style, role: self[column - 1, row].role)
        } else if column + 1 < size.columns, self[column + 1, row].isContinuation {
            self[column + 1, row] = Cell(" ", style: cell.style, role: cell.role)
        }
    }

    /// A run of one character from (column, row), one column each (box lines), cut at the
    /// right edge.
    private mutating func repeatScalar(_ scalar: Unicode.Scalar, column: Int, row: Int, count: Int, role: ColorRole) {
        guard row >= 0, row < size.rows, count > 0 else { return }
        let first = max(column, 0)
        let end = min(column + count, size.columns)
        guard end > first else { return }
        clearWideCharacter(at: first, row: row)
        clearWideCharacter(at: end - 1, row: row)
        for index in (row * size.columns + first)..<(row * size.columns + end) {
            cells[index] = Cell(scalar, role: role)
        }
    }

    mutating func fill(_ rect: Rect, _ character: Unicode.Scalar = " ", style: CellStyle = [], role: ColorRole = .plain) {
        let first = max(rect.x, 0)
        let last = min(rect.x + rect.width, size.columns) - 1
        for row in rect.y..<(rect.y + rect.height) where row >= 0 && row < size.rows {
            // A wide character half under the rectangle (an overlay over Japanese text) loses
            // its other half too.
            if last >= first {
                clearWideCharacter(at: first, row: row)
                clearWideCharacter(at: last, row: row)
            }
            for column in rect.x..<(rect.x + rect.width) where column >= 0 && column < size.columns {
                self[column, row] = Cell(character, style: style, role: role)
            }
        }
    }

    /// Adds attributes to the cells of a rectangle, keeping their text.
    mutating func highlight(_ rect: Rect, style: CellStyle, role: ColorRole? = nil) {
        for row in rect.y..<(rect.y + rect.height) where row >= 0 && row < size.rows {
            for column in rect.x..<(rect.x + rect.width) where column >= 0 && column < size.columns {
                self[column, row].style.formUnion(style)
                if let role { self[column, row].role = role }
            }
        }
    }

    /// A single-line box; the title sits in the top border.
    mutating func box(_ rect: Rect, title: String? = nil, titleStyle: CellStyle = [.bold], role: ColorRole = .border) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let right = rect.x + rect.width - 1
        let bottom = rect.y + rect.height - 1
        for (row, corners) in [(rect.y, ("┌", "┐")), (bottom, ("└", "┘"))] as [(Int, (Unicode.Scalar, Unicode.Scalar))] {
            repeatScalar(corners.0, column: rect.x, row: row, count: 1, role: role)
            repeatScalar("─", column: rect.x + 1, row: row, count: rect.width - 2, role: role)
            repeatScalar(corners.1, column: right, row: row, count: 1, role: role)
        }
        for row in (rect.y + 1)..<bottom {
            repeatScalar("│", column: rect.x, row: row, count: 1, role: role)
            repeatScalar("│", column: right, row: row, count: 1, role: role)
        }
        if let title { boxTitle(title, rect: rect, row: rect.y, style: titleStyle) }
    }

    /// A divider across a box: ├ title ───┤
    mutating func divider(_ rect: Rect, row: Int, title: String? = nil, role: ColorRole = .border) {
        guard rect.width >= 2 else { return }
        repeatScalar("├", column: rect.x, row: row, count: 1, role: role)
        repeatScalar("─", column: rect.x + 1, row: row, count: rect.width - 2, role: role)
        repeatScalar("┤", column: rect.x + rect.width - 1, row: row, count: 1, role: role)
        if let title { boxTitle(title, rect: rect, row: row, style: [.bold]) }
    }

    /// Text set into a border line at its right end, such as "↓ 12 more".
    mutating func borderLabel(_ text: String, rect: Rect, row: Int, role: ColorRole = .muted) {
        let width = displayWidth.of(text) + 2
        guard rect.width > width + 4 else { return }
        write(" " + text + " ", column: rect.x + rect.width - 2 - width, row: row, role: role)
    }

    private mutating func boxTitle(_ title: String, rect: Rect, row: Int, style: CellStyle) {
        let room = rect.width - 4
        guard room > 0 else { return }
        let fitted = displayWidth.truncate(title, to: room)
        write(" " + fitted + " ", column: rect.x + 1, row: row, width: rect.width - 2, style: style, role: .heading)
    }

    // MARK: Text forms, for goldens and tests

    /// The characters, one line per row, trailing spaces kept so the size shows.
    public var text: String {
        var lines: [String] = []
        for row in 0..<size.rows {
            var line = ""
            for column in 0..<size.columns where !self[column, row].isContinuation {
                line.append(character(column, row))
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// One character per cell naming its attributes: `.` none, `b` bold, `r` reverse,
    /// `u` underline, `d` dim, `R` reverse and bold, `U` underline and bold, `*` other mixes.
    public var styleMap: String {
        rows { cell in
            switch cell.style {
            case []: "."
            case .bold: "b"
            case .reverse: "r"
            case .underline: "u"
            case .dim: "d"
            case [.reverse, .bold]: "R"
            case [.underline, .bold]: "U"
            default: "*"
            }
        }
    }

    /// One character per cell naming its colour role (`.` for plain; see `ColorRole`).
    public var roleMap: String {
        let codes: [ColorRole: Character] = [
            .plain: ".", .title: "T", .border: "-", .heading: "H", .focus: "F", .selected: "S",
            .link: "L", .warning: "W", .notice: "N", .muted: "m", .callout: "C",
        ]
        return rows { codes[$0.role] ?? "?" }
    }

    private func rows(_ code: (Cell) -> Character) -> String {
        (0..<size.rows).map { row in
            String((0..<size.columns).map { code(self[$0, row]) })
        }.joined(separator: "\n")
    }

    /// Every line of the screen, to search for text in tests.
    public var lines: [String] { text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
}

extension Character {
    /// Control characters would move the terminal's cursor; they are drawn as "?".
    var isPrintableInTerminal: Bool {
        guard let scalar = unicodeScalars.first else { return false }
        return !scalar.isTerminalControl
    }
}

/// What to draw for a character when the terminal's locale is not UTF-8 and ncurses
/// would drop it: box lines become + - |, quotes and arrows their ASCII look-alikes,
/// anything else ?. Every stand-in takes one column, as the glyphs it replaces do.
func asciiStandIn(for scalar: Unicode.Scalar) -> Unicode.Scalar {
    if scalar.isASCII { return scalar }
    switch scalar {
    case "─", "━", "═": return "-"
    case "│", "┃", "║": return "|"
    case "┌", "┐", "└", "┘", "├", "┤", "┬", "┴", "┼": return "+"
    case "▏": return "_"
    case "‹", "◂", "◀", "←": return "<"
    case "›", "▸", "▶", "→": return ">"
    case "↑", "▲": return "^"
    case "↓", "▼": return "v"
    case "·": return "-"
    case "•", "★", "●": return "*"
    case "…": return "."
    case "“", "”", "„": return "\""
    case "‘", "’": return "'"
    case "–", "—": return "-"
    default: return "?"
    }
}
