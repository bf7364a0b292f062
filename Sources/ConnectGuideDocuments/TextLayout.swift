// Text laid out in columns for every front end: wrapping, padding, and the test of which
// text can be measured a scalar at a time.

/// Splits text into lines no wider than `width`, breaking at spaces, and in Japanese
/// between characters (`breakLines`); a word wider than the line is cut. `displayWidth`
/// measures a character (the terminal front end passes the terminal's own measure);
/// printable ASCII always takes one column, so words made of it are measured by their
/// length, which keeps redraws cheap.
public func wrap(_ text: String, width: Int, displayWidth: (Character) -> Int = terminalColumns(of:)) -> [String] {
    let width = max(width, 1)
    if isSingleScalarText(text, allowingNewlines: true) && !hasBindingSpace(text) {
        return wrapScalars(text, width: width) { displayWidth(Character($0)) }
    }
    return breakLines(text, width: width, displayWidth: displayWidth)
}

/// `wrap` for text whose scalars are characters of their own (`isStandaloneScalar`) and
/// line breaks, nearly all the guide's text, which the screen wraps on every key: the same
/// lines, from the UTF-8 bytes, a scalar measured at a time (an ASCII one is a column),
/// without breaking the text into characters.
private func wrapScalars(_ text: String, width: Int, scalarWidth: (Unicode.Scalar) -> Int) -> [String] {
    var lines: [String] = []
    var line: [UInt8] = []
    line.reserveCapacity(width)
    var text = text
    text.withUTF8 { bytes in
        /// The scalar that starts at `index` (valid UTF-8: a String's), and its length.
        func scalar(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (scalar: Unicode.Scalar, length: Int) {
            let lead = UInt32(bytes[index])
            func next(_ offset: Int) -> UInt32 { UInt32(bytes[index + offset]) & 0x3F }
            let (value, length): (UInt32, Int) =
                lead < 0x80 ? (lead, 1)
                : lead < 0xE0 ? ((lead & 0x1F) << 6 | next(1), 2)
                : lead < 0xF0 ? ((lead & 0x0F) << 12 | next(1) << 6 | next(2), 3)
                : ((lead & 0x07) << 18 | next(1) << 12 | next(2) << 6 | next(3), 4)
            return (Unicode.Scalar(value) ?? "?", length)
        }
        func columns(_ scalar: Unicode.Scalar) -> Int { scalar.isASCII ? 1 : scalarWidth(scalar) }
        var index = 0
        // One paragraph per pass; the last (after the final line break, or the only one)
        // ends at the end of the text.
        while true {
            line.removeAll(keepingCapacity: true)
            var lineWidth = 0
            while index < bytes.count, bytes[index] != 0x0A {
                // A word: the scalars up to the next space or line break.
                guard bytes[index] != 0x20 else {
                    index += 1
                    continue
                }
                let start = index
                var wordWidth = 0
                while index < bytes.count, bytes[index] != 0x20, bytes[index] != 0x0A {
                    let (next, length) = scalar(at: index, in: bytes)
                    wordWidth += columns(next)
                    index += length
                }
                var word = UnsafeBufferPointer(rebasing: bytes[start..<index])
                if !line.isEmpty && lineWidth + 1 + wordWidth <= width {
                    line.append(0x20)
                    line.append(contentsOf: word)
                    lineWidth += 1 + wordWidth
                    continue
                }
                if !line.isEmpty { lines.append(String(decoding: line, as: UTF8.self)) }
                // A word wider than the line is cut, each piece as wide as fits (a scalar at least).
                while wordWidth > width {
                    var cut = 0
                    var pieceWidth = 0
                    while cut < word.count {
                        let (next, length) = scalar(at: cut, in: word)
                        if cut > 0 && pieceWidth + columns(next) > width { break }
                        pieceWidth += columns(next)
                        cut += length
                    }
                    lines.append(String(decoding: UnsafeBufferPointer(rebasing: word[..<cut]), as: UTF8.self))
                    word = UnsafeBufferPointer(rebasing: word[cut...])
                    wordWidth -= pieceWidth
                }
                line.removeAll(keepingCapacity: true)
                line.append(contentsOf: word)
                lineWidth = wordWidth
            }
            lines.append(String(decoding: line, as: UTF8.self))
            guard index < bytes.count else { break }
            index += 1  // past the line break
        }
    }
    return lines
}

/// Whether every Unicode scalar of the text is a printable character on its own: ASCII,
/// Latin letters, general punctuation, arrows, box drawing and other symbols that never
/// combine with what follows. Such text is measured and drawn scalar by scalar, without
/// being broken into grapheme clusters; the guide's own text always is such text.
public func isSingleScalarText(_ text: String, allowingNewlines: Bool = false) -> Bool {
    // Decoded from the bytes in memory where the string has them (every native string
    // does): on the renderer's hottest path, a loop over bytes costs a fraction of
    // iterating the scalar view.
    text.utf8.withContiguousStorageIfAvailable { areStandaloneScalars($0, allowingNewlines: allowingNewlines) }
        ?? text.unicodeScalars.allSatisfy { isStandaloneScalar($0) || (allowingNewlines && $0 == "\n") }
}

/// `isSingleScalarText` over valid UTF-8 bytes.
func areStandaloneScalars(_ bytes: UnsafeBufferPointer<UInt8>, allowingNewlines: Bool) -> Bool {
    var index = 0
    while index < bytes.count {
        let lead = bytes[index]
        let scalar: UInt32
        switch lead {
        case 0..<0x80:
            scalar = UInt32(lead)
            index += 1
        case 0xC0..<0xE0 where index + 1 < bytes.count:
            scalar = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
            index += 2
        case 0xE0..<0xF0 where index + 2 < bytes.count:
            scalar = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
            index += 3
        default:
            // Four-byte scalars (emoji and the like) are never standalone here.
            return false
        }
        guard let value = Unicode.Scalar(scalar), isStandaloneScalar(value) || (allowingNewlines && value == "\n") else { return false }
    }
    return true
}

/// A printable scalar that is a character of its own: no combining mark, joiner,
/// variation selector, format character or Hangul jamo lies in these ranges, so nothing
/// can extend it into a longer grapheme cluster.
@inlinable
public func isStandaloneScalar(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x20..<0x7F, 0xA0..<0x300, 0x2010..<0x2028, 0x2030..<0x205F, 0x2070..<0x20D0, 0x2100..<0x2C00: true
    default: false
    }
}

/// Printable ASCII (space to tilde): one terminal column per byte.
@inlinable
public func isPrintableASCII(_ bytes: some Collection<UInt8>) -> Bool {
    // Over the bytes in memory where the collection has them (every native string does):
    // a plain loop, not an iterator, on the renderer's hottest path.
    bytes.withContiguousStorageIfAvailable { $0.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }
        ?? bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
}

extension String {
    /// The text padded with spaces to `width` terminal columns.
    public func padded(to width: Int) -> String {
        let columns = terminalColumns(of: self)
        return columns >= width ? self : self + String(repeating: " ", count: width - columns)
    }

    /// The text right-aligned in `width` terminal columns.
    public func leftPadded(to width: Int) -> String {
        let columns = terminalColumns(of: self)
        return columns >= width ? self : String(repeating: " ", count: width - columns) + self
    }
}
