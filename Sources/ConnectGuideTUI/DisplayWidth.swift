import ConnectGuideCore
import ConnectGuideDocuments

/// How many terminal columns a character takes. The renderer measures all text with
/// one of these, so wrapping and the terminal agree: the live app uses the C library's
/// `wcwidth` (what ncurses uses), tests use `standard`, which needs no locale.
public struct DisplayWidth: Sendable {
    private let measure: @Sendable (Character) -> Int

    public init(_ measure: @escaping @Sendable (Character) -> Int) {
        self.measure = measure
    }

    public func of(_ character: Character) -> Int {
        if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F { return 1 }
        guard character.unicodeScalars.contains(Self.zeroWidthJoiner) else { return measure(character) }
        return Self.joinedParts(of: character).reduce(0) { $0 + measure($1) }
    }

    static let zeroWidthJoiner: Unicode.Scalar = "\u{200D}"

    /// The characters a zero-width joiner sequence (👩‍💻) joins, without the joiners: ncurses
    /// draws each in cells of its own, so they are measured, and put in the frame, one by one.
    static func joinedParts(of character: Character) -> [Character] {
        character.unicodeScalars.split(separator: zeroWidthJoiner).flatMap { String(String.UnicodeScalarView($0)) }
    }

    /// The width of a scalar that is a character of its own (`isStandaloneScalar`).
    public func of(_ scalar: Unicode.Scalar) -> Int {
        scalar.value >= 0x20 && scalar.value < 0x7F ? 1 : measure(Character(scalar))
    }

    public func of(_ text: String) -> Int {
        if isPrintableASCII(text.utf8) { return text.utf8.count }
        if isSingleScalarText(text) { return text.unicodeScalars.reduce(0) { $0 + of($1) } }
        return text.reduce(0) { $0 + of($1) }
    }

    /// The text cut to at most `width` columns, ending in "…" when cut.
    public func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        guard of(text) > width else { return text }
        // The end of the part that fits beside the "…", then that part at once: appending
        // scalar by scalar cost more than measuring.
        var used = 0
        if isSingleScalarText(text) {
            // Scalar by scalar: the same cut, without breaking the text into characters.
            let scalars = text.unicodeScalars
            var end = scalars.startIndex
            while end < scalars.endIndex {
                let scalarWidth = of(scalars[end])
                if used + scalarWidth > width - 1 { break }
                used += scalarWidth
                scalars.formIndex(after: &end)
            }
            return String(text[..<end]) + "…"
        }
        var end = text.startIndex
        while end < text.endIndex {
            let characterWidth = of(text[end])
            if used + characterWidth > width - 1 { break }
            used += characterWidth
            text.formIndex(after: &end)
        }
        return String(text[..<end]) + "…"
    }

    /// The text padded with spaces to exactly `width` columns (cut if longer).
    public func pad(_ text: String, to width: Int) -> String {
        let fitted = truncate(text, to: width)
        return fitted + String(repeating: " ", count: max(width - of(fitted), 0))
    }

    /// East Asian wide and fullwidth characters and emoji count two, combining marks
    /// and other zero-width characters none (a `Character` already carries its marks).
    public static let standard = DisplayWidth { terminalColumns(of: $0) }

    static func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
        terminalColumns(of: scalar)
    }
}
