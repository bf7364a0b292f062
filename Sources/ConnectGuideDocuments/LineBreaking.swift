// Line breaking for text in any of the guide's languages, measured in terminal columns.
// Latin-script text breaks at spaces. Japanese (and Chinese) text has no spaces: it breaks
// between any two of its characters, except where the Japanese line-breaking rules
// (kinsoku) forbid it: no line starts with closing punctuation, a small kana or the long
// vowel mark, and no line ends with an opening bracket. A run of Latin letters inside such
// text (an API name in backticks, an address) stays whole when it fits on a line.

/// The lines of `text` no wider than `width` columns, measured by `displayWidth`. Line
/// breaks in the text are kept; runs of spaces collapse at a line's end and between words.
/// A piece that cannot be broken and is wider than the line is cut to the width
/// (`cutsLongWords`, for the screen), or stays whole on a line of its own (for documents,
/// where an address must stay whole to be copied).
public func breakLines(
    _ text: String, width: Int, cutsLongWords: Bool = true, displayWidth: (Character) -> Int = terminalColumns(of:)
) -> [String] {
    let width = max(width, 1)
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
        var line = ""
        var lineWidth = 0
        for piece in pieces(of: paragraph, displayWidth: displayWidth) {
            var text = piece.text
            var pieceWidth = piece.width
            if !line.isEmpty && lineWidth + piece.gap + pieceWidth <= width {
                if piece.gap == 1 { line += " " }
                // String's own Substring append: `+=` takes the generic path, whose first
                // call costs a conformance scan.
                line.append(contentsOf: text)
                lineWidth += piece.gap + pieceWidth
                continue
            }
            if !line.isEmpty { lines.append(line) }
            while cutsLongWords && pieceWidth > width {
                // As much as fits, a character at least.
                var cut = ""
                var cutWidth = 0
                while let character = text.first, cutWidth + displayWidth(character) <= width || cut.isEmpty {
                    cut.append(character)
                    cutWidth += displayWidth(character)
                    text = text.dropFirst()
                }
                lines.append(cut)
                pieceWidth -= cutWidth
            }
            line = String(text)
            lineWidth = pieceWidth
        }
        lines.append(line)
    }
    return lines
}

/// The pieces of a paragraph a line may end between, with their widths; `gap` is the space
/// before a piece (1 between words, 0 between the pieces of a word). A space before
/// punctuation that may not start a line, or after a bracket that may not end one (French
/// writes `connecté ?` and `« Express »`), binds the two as a no-break space would.
private func pieces(of paragraph: Substring, displayWidth: (Character) -> Int) -> [(text: Substring, width: Int, gap: Int)] {
    func columns(_ text: Substring) -> Int {
        isPrintableASCII(text.utf8) ? text.utf8.count : text.reduce(0) { $0 + displayWidth($1) }
    }
    var pieces: [(text: Substring, width: Int, gap: Int)] = []
    var bindsToNext = false
    for word in paragraph.split(separator: " ") {
        for (index, piece) in unbreakablePieces(of: word).enumerated() {
            let width = columns(piece)
            if index == 0, let last = pieces.last, bindsToNext || piece.first.map(mayNotStartLine) == true {
                // One piece: the two and one space between them.
                pieces[pieces.count - 1] = (Substring(last.text + " " + piece), last.width + 1 + width, last.gap)
            } else {
                pieces.append((piece, width, index == 0 ? 1 : 0))
            }
            bindsToNext = piece.last.map(mayNotEndLine) == true
        }
    }
    return pieces
}

/// Whether the text has a space that binds (`pieces(of:)`): before punctuation that may not
/// start a line, or after a bracket that may not end one. Text without one, nearly all
/// English, is wrapped by the faster way that breaks at every space.
public func hasBindingSpace(_ text: String) -> Bool {
    // From the bytes: only the characters next to a space are looked at, ASCII ones by value.
    text.utf8.withContiguousStorageIfAvailable(hasBindingSpace) ?? Array(text.utf8).withUnsafeBufferPointer(hasBindingSpace)
}

private func hasBindingSpace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    /// The character whose UTF-8 starts at `start` (valid UTF-8: a String's).
    func character(at start: Int) -> Character {
        var end = start + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return Character(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
    }
    for index in bytes.indices where bytes[index] == 0x20 {
        if index + 1 < bytes.count {
            let next = bytes[index + 1]
            if next < 0x80 ? asciiMayNotStartLine(next) : mayNotStartLine(character(at: index + 1)) { return true }
        }
        if index > 0 {
            var start = index - 1
            while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
            let before = bytes[start]
            if before < 0x80 ? asciiMayNotEndLine(before) : mayNotEndLine(character(at: start)) { return true }
        }
    }
    return false
}

/// A word (text without spaces) in the pieces a line may end between. In Latin text that is
/// the word itself; around Japanese characters a line may end between any two characters,
/// unless the second may not start a line or the first may not end one.
func unbreakablePieces(of word: Substring) -> [Substring] {
    // Text below U+2000 (Latin, Greek, Cyrillic) has no break inside a word: the word
    // whole, found from its bytes.
    if word.utf8.allSatisfy({ $0 < 0xE2 }) { return [word] }
    var pieces: [Substring] = []
    var start = word.startIndex
    var previous: Character?
    for index in word.indices {
        let character = word[index]
        if let before = previous, mayBreak(between: before, and: character) {
            pieces.append(word[start..<index])
            start = index
        }
        previous = character
    }
    pieces.append(word[start...])
    return pieces
}

/// Whether a line may end between `before` and `after` inside a word: next to a character
/// of a script written without spaces, and not against the kinsoku rules.
func mayBreak(between before: Character, and after: Character) -> Bool {
    guard breaksBetweenCharacters(before) || breaksBetweenCharacters(after) else { return false }
    return !mayNotStartLine(after) && !mayNotEndLine(before)
}

/// A character of a script written without spaces between words: kana, CJK ideographs,
/// CJK punctuation and the fullwidth forms.
func breaksBetweenCharacters(_ character: Character) -> Bool {
    guard let scalar = character.unicodeScalars.first else { return false }
    switch scalar.value {
    case 0x2E80...0x2FFF, 0x3000...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFE30...0xFE4F,
        0xFF00...0xFFEF, 0x20000...0x3FFFD:
        return true
    default:
        return false
    }
}

/// Closing brackets and quotes, punctuation, iteration marks, small kana and the long vowel
/// mark: they belong to what comes before them, so no line starts with one (行頭禁則).
func mayNotStartLine(_ character: Character) -> Bool {
    if let scalar = singleScalar(character) { return noLineStartScalars.contains(scalar.value) }
    return noLineStart.contains(character)
}

/// Opening brackets and quotes: they belong to what follows, so no line ends with one (行末禁則).
func mayNotEndLine(_ character: Character) -> Bool {
    if let scalar = singleScalar(character) { return noLineEndScalars.contains(scalar.value) }
    return noLineEnd.contains(character)
}

/// The scalar of a character made of one. Looking that up by value is what the rules ask
/// on every character of Japanese text; a `Set<Character>` lookup normalizes and compares
/// strings, which cost half of drawing a Japanese screen.
private func singleScalar(_ character: Character) -> Unicode.Scalar? {
    let scalars = character.unicodeScalars
    guard let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else { return nil }
    return first
}

/// `mayNotStartLine` and `mayNotEndLine` of an ASCII byte, without making a `Character`.
private func asciiMayNotStartLine(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"),
        UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "%"):
        true
    default: false
    }
}

private func asciiMayNotEndLine(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{")
}

private let noLineStart: Set<Character> = Set(
    "、。，．・：；？！‼⁇⁈⁉゛゜ヽヾゝゞ々〻ー―‐〜～…‥）」』】〕〉》｝］〙〗〟’”｣"
        + "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
        + ".,:;!?)]}%»›°′″℃‰"
)

private let noLineEnd: Set<Character> = Set("（「『【〔〈《｛［〘〖〝‘“｢([{«‹¿¡")

private let noLineStartScalars = Set(noLineStart.flatMap(\.unicodeScalars).map(\.value))
private let noLineEndScalars = Set(noLineEnd.flatMap(\.unicodeScalars).map(\.value))

/// The columns a character takes in a terminal, without asking the terminal: East Asian wide
/// and fullwidth characters and emoji two, combining marks and other zero-width characters
/// none, the rest one. The screen asks the C library instead (what ncurses uses); documents,
/// plain mode and tests use this.
public func terminalColumns(of character: Character) -> Int {
    if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F { return 1 }
    guard let first = character.unicodeScalars.first else { return 0 }
    if character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
    return terminalColumns(of: first)
}

/// `terminalColumns(of:)` of a scalar that is a character of its own.
public func terminalColumns(of scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value >= 0x20 && value < 0x7F { return 1 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if value == 0x200B { return 0 }
    if scalar.properties.isEmojiPresentation { return 2 }
    switch value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
        0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
        return 2
    default:
        return 1
    }
}

/// The columns a text takes in a terminal (`terminalColumns(of:)` of each character).
public func terminalColumns(of text: String) -> Int {
    if isPrintableASCII(text.utf8) { return text.utf8.count }
    return text.reduce(0) { $0 + terminalColumns(of: $1) }
}
