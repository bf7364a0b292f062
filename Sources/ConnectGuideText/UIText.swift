// Every user-facing string of the front ends and documents, in one locale. The table is
// Assets/strings/*.json (English) and Assets/locales/<locale>/strings/*.json, compiled
// into typed accessors by content-compiler at build time (Plugins/CompileContent): a key
// that does not exist, or a placeholder a string lacks, is a compile error, not a
// runtime surprise.

/// The strings of one locale, read through the generated area accessors
/// (`text.tui.quitHint`, `text.cli.unknownFlag(flag:)`).
public struct UIText: Sendable {
    public let locale: LocaleID
    /// One slot per key, in the English files' order; a plural key takes two slots,
    /// its `one` form then its `other` form.
    let values: [String]

    /// The strings of the locale `code` names ("ja"), English for a code the binary lacks.
    public static func bundled(code: String) -> UIText { bundled(LocaleID(rawValue: code) ?? .en) }

    init(locale: LocaleID, values: [String]) {
        self.locale = locale
        self.values = values
    }

    /// The form of a plural key for `count`, by the locale's plural rule.
    func plural(_ slot: Int, count: Int) -> String {
        values[locale.usesSingularForm(count) ? slot : slot + 1]
    }

    /// `template` with each `{name}` replaced by its argument. The build checks that
    /// every brace in a string is a placeholder its accessor supplies.
    static func fill(_ template: String, _ arguments: [(name: String, value: String)]) -> String {
        // Byte by byte and through String's own Substring overloads: the Character-based
        // search and the generic `+=` cost a conformance lookup on the first call.
        let bytes = template.utf8
        var result = ""
        var copied = bytes.startIndex
        var index = copied
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "{")),
            let close = bytes[open...].firstIndex(of: UInt8(ascii: "}"))
        {
            let name = String(template[bytes.index(after: open)..<close])
            index = bytes.index(after: close)
            guard let argument = arguments.first(where: { $0.name == name }) else { continue }
            result.append(contentsOf: template[copied..<open])
            result.append(argument.value)
            copied = index
        }
        result.append(contentsOf: template[copied...])
        return result
    }

    /// "a", "a and b", "a, b and c", with the locale's separators.
    static func join(_ items: [String], pair: String, separator: String, final: String) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        case 2: return items[0] + pair + items[1]
        default: return items.dropLast().joined(separator: separator) + final + items[items.count - 1]
        }
    }
}

extension LocaleID {
    func usesSingularForm(_ count: Int) -> Bool { UIText.usesSingularForm(language: rawValue, count) }
}

extension UIText {
    /// Whether `count` takes a plural key's `one` form: French counts 0 as singular,
    /// Japanese has no singular form, English, German and Spanish use it for 1 only.
    static func usesSingularForm(language: String, _ count: Int) -> Bool {
        switch language {
        case "fr": count == 0 || count == 1
        case "ja": false
        default: count == 1
        }
    }
}
