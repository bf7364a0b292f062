/// Text from outside (a flag's value, a URL, a file name) as a message may show it:
/// control characters escaped, so a crafted value cannot drive the terminal it is shown
/// on (set its title, clear it, hide what follows), and cut at `limit` characters, so a
/// huge input is not echoed in full.
public enum UntrustedText {
    public static let limit = 200

    /// `text` escaped and cut, without quotes (for paths, which a message shows bare).
    public static func escaped(_ text: some StringProtocol) -> String {
        var result = ""
        var count = 0
        for character in text {
            if count == limit {
                result += "… (\(text.count - limit) more characters)"
                break
            }
            count += 1
            result += escapedCharacter(character)
        }
        return result
    }

    /// `text` escaped and cut, in double quotes.
    public static func quoted(_ text: some StringProtocol) -> String {
        "\"" + escaped(text) + "\""
    }

    /// Control characters (C0, DEL, C1) in a whole message escaped, newlines kept: the
    /// last guard before a message reaches a terminal.
    public static func escapingControls(inMessage message: String) -> String {
        guard message.unicodeScalars.contains(where: { isControl($0) && $0 != "\n" }) else { return message }
        return message.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in line.map(escapedCharacter).joined() }
            .joined(separator: "\n")
    }

    private static func escapedCharacter(_ character: Character) -> String {
        guard character.unicodeScalars.contains(where: isControl) else { return String(character) }
        return character.unicodeScalars.map { scalar in
            switch scalar {
            case "\n": "\\n"
            case "\r": "\\r"
            case "\t": "\\t"
            case _ where isControl(scalar): "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: String(scalar)
            }
        }.joined()
    }

    /// Terminal controls, and the bidirectional formatting characters, which would turn
    /// the text around it (a name that ends ".md" while showing "dm.").
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isTerminalControl || scalar.isBidirectionalFormatting
    }
}

extension Unicode.Scalar {
    /// C0 and C1 controls and DEL: sent to a terminal they move the cursor, end a line or
    /// start an escape sequence. The one test of "control character" in the package.
    public var isTerminalControl: Bool { value < 0x20 || (0x7F...0x9F).contains(value) }

    /// The characters that reorder the text around them for display.
    public var isBidirectionalFormatting: Bool {
        switch value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
