import ConnectGuideJSON

/// One key of a strings file: a plain string, or a plural one with a form per category.
public struct StringEntry: Sendable {
    public let key: String
    /// `other` always; `one` for plural keys in locales that have it.
    public let forms: [(category: String, text: String)]
    public let isPlural: Bool

    func form(_ category: String) -> String? { forms.first { $0.category == category }?.text }
    var other: String { form("other") ?? "" }
    /// Every placeholder any form uses.
    var placeholderNames: [String] {
        var names: [String] = []
        for form in forms { for name in placeholders(in: form.text) ?? [] where !names.contains(name) { names.append(name) } }
        return names
    }
}

/// A strings file: Assets/strings/<area>.json or Assets/locales/<locale>/strings/<area>.json.
public struct StringArea: Sendable {
    public let name: String
    public let entries: [StringEntry]

    /// Reads and checks one file: keys are Swift identifiers, `@key` notes name a key,
    /// braces are well-formed placeholders, plural values have the allowed categories.
    public init(name: String, node: ContentNode, requireOne: Bool) throws(ContentError) {
        self.name = name
        var entries: [StringEntry] = []
        var notes: [(String, ContentNode)] = []
        for (key, value) in try node.members() {
            if key.hasPrefix("@") {
                _ = try value.string()
                notes.append((String(key.dropFirst()), value))
                continue
            }
            guard isIdentifier(key) else { throw value.fail("a key is a lowerCamelCase identifier, not \"\(key)\"") }
            guard !entries.contains(where: { $0.key == key }) else { throw value.fail("the key \"\(key)\" appears twice") }
            var forms: [(category: String, text: String)] = []
            let isPlural: Bool
            if case .object = value.value {
                isPlural = true
                try value.allowFields(["one", "other"])
                if let one = try value.optionalField("one") { forms.append(("one", try one.string())) }
                forms.append(("other", try value.field("other").string()))
                if requireOne && forms.count < 2 { throw value.fail("a plural string needs both \"one\" and \"other\"") }
            } else {
                isPlural = false
                forms.append(("other", try value.string()))
            }
            for form in forms {
                guard !form.text.isEmpty else { throw value.fail("the string is empty") }
                guard placeholders(in: form.text) != nil else {
                    throw value.fail("a brace that is not a {placeholder} in \"\(form.text)\"")
                }
            }
            entries.append(StringEntry(key: key, forms: forms, isPlural: isPlural))
        }
        for (key, note) in notes where !entries.contains(where: { $0.key == key }) {
            throw note.fail("a note for \"\(key)\", which is not a key of this file")
        }
        self.entries = entries
    }

    func entry(_ key: String) -> StringEntry? { entries.first { $0.key == key } }
}

/// Stripe's words for its concepts in one locale, from its localized docs.
public struct Glossary: Sendable {
    public struct Term: Sendable {
        public let concept: String
        /// English forms as our texts use them, matched case-insensitively as whole words.
        public let english: [String]
        /// The forms a translation may use (inflections included).
        public let forms: [String]
        public let sources: [String]
    }

    public let terms: [Term]

    public init(node: ContentNode) throws(ContentError) {
        try node.allowFields(["terms"])
        var terms: [Term] = []
        for item in try node.field("terms").array() {
            try item.allowFields(["concept", "en", "forms", "sources", "note"])
            let term = Term(
                concept: try item.field("concept").string(), english: try item.field("en").strings(),
                forms: try item.field("forms").strings(), sources: try item.field("sources").strings())
            guard !term.english.isEmpty, !term.forms.isEmpty else { throw item.fail("a term needs English forms and translated forms") }
            guard !term.sources.isEmpty else { throw item.fail("a term needs the Stripe page that shows it") }
            terms.append(term)
        }
        self.terms = terms
    }

    /// The first term whose English form `english` uses but whose forms `translation` lacks.
    /// Names are not prose: `{placeholders}`, `--flags` and `code spans` are left out of
    /// both (`transfer_data` uses no concept, and `{payout}` in a translation words none).
    public func breach(english: String, translation: String) -> Term? {
        let english = prose(of: english).lowercased()
        let translation = prose(of: translation).lowercased()
        return terms.first { term in
            term.english.contains { containsWord(english, $0.lowercased()) }
                && !term.forms.contains { translation.contains($0.lowercased()) }
        }
    }
}

/// `text` with each `{placeholder}`, `--flag` word and `code span` made a space.
func prose(of text: String) -> String {
    var result = ""
    var rest = Substring(text)
    while let first = rest.first {
        if first == "`" {
            // A span runs to the next backtick; an unclosed one to the end.
            let body = rest.dropFirst()
            rest = body.firstIndex(of: "`").map { body[body.index(after: $0)...] } ?? ""
            result.append(" ")
        } else if first == "{", let close = rest.firstIndex(of: "}"), isIdentifier(String(rest[rest.index(after: rest.startIndex)..<close])) {
            rest = rest[rest.index(after: close)...]
            result.append(" ")
        } else if rest.hasPrefix("--"), !(result.last.map { $0.isLetter || $0.isNumber || $0 == "-" } ?? false),
            rest.dropFirst(2).first?.isLetter == true
        {
            // The flag and a value joined to it: --charge-type=direct.
            rest = rest.drop { $0.isLetter || $0.isNumber || "-_=|".contains($0) }
            result.append(" ")
        } else {
            result.append(first)
            rest = rest.dropFirst()
        }
    }
    return result
}

/// Whether `word` occurs in `text` with no letter right before or after it.
private func containsWord(_ text: String, _ word: String) -> Bool {
    let text = Array(text), word = Array(word)
    guard !word.isEmpty, text.count >= word.count else { return false }
    for start in 0...(text.count - word.count) where text[start..<(start + word.count)].elementsEqual(word) {
        let before = start > 0 && text[start - 1].isLetter
        let after = start + word.count < text.count && text[start + word.count].isLetter
        if !before && !after { return true }
    }
    return false
}

/// A locale's files: its UI strings, its content translations and its glossary.
public struct LocaleFiles: Sendable {
    public let code: String
    public let areas: [StringArea]
    /// Content file name to translation by key.
    public let content: [String: [String: String]]
    public let glossary: Glossary

    public init(code: String, areas: [StringArea], content: [String: [String: String]], glossary: Glossary) {
        self.code = code
        self.areas = areas
        self.content = content
        self.glossary = glossary
    }

    /// `Assets/locales/<code>/content.json`: `{"guide.json": {"key": "text", ...}, ...}`.
    public static func content(_ node: ContentNode) throws(ContentError) -> [String: [String: String]] {
        var content: [String: [String: String]] = [:]
        for (file, entries) in try node.members() {
            guard ContentText.fields.contains(where: { $0.file == file }) else {
                throw entries.fail("\"\(file)\" is not a content file with text")
            }
            var table: [String: String] = [:]
            for (key, text) in try entries.members() {
                let value = try text.string()
                guard !value.isEmpty else { throw text.fail("the translation is empty") }
                table[key] = value
            }
            content[file] = table
        }
        return content
    }

    /// Fails on what the locale lacks or adds against English, on placeholders that
    /// differ, and on a glossary concept worded otherwise.
    public func check(english: [StringArea], englishContent: [(file: String, entries: [(key: String, text: String)])]) throws(ContentError) {
        try checkStrings(english: english)
        try checkContent(englishContent)
    }

    /// The UI strings against English's: keys, plural kinds, placeholders, glossary.
    public func checkStrings(english: [StringArea]) throws(ContentError) {
        for area in english {
            let file = "locales/\(code)/strings/\(area.name).json"
            func fail(_ key: String, _ problem: String) -> ContentError { ContentError(file: file, place: key, problem: problem) }
            guard let local = areas.first(where: { $0.name == area.name }) else {
                throw ContentError(file: file, place: "", problem: "the file is missing: every English strings file needs a translation")
            }
            for entry in area.entries {
                guard let translated = local.entry(entry.key) else { throw fail(entry.key, "missing: English has this key") }
                guard translated.isPlural == entry.isPlural else {
                    throw fail(entry.key, entry.isPlural ? "English makes this a plural (one/other)" : "English makes this a plain string")
                }
                let expected = Set(entry.placeholderNames), found = Set(translated.placeholderNames)
                guard expected == found else {
                    throw fail(entry.key, "placeholders {\(found.sorted().joined(separator: "}, {"))} differ from English's {\(expected.sorted().joined(separator: "}, {"))}")
                }
                for (category, text) in entry.forms {
                    if let term = glossary.breach(english: text, translation: translated.form(category) ?? translated.other) {
                        throw fail(entry.key, glossaryProblem(term))
                    }
                }
            }
            if let extra = local.entries.first(where: { area.entry($0.key) == nil }) {
                throw fail(extra.key, "English has no such key")
            }
        }
        for area in areas where !english.contains(where: { $0.name == area.name }) {
            throw ContentError(file: "locales/\(code)/strings/\(area.name).json", place: "", problem: "English has no strings file \(area.name).json")
        }
    }

    /// The content translations against the English texts: keys and glossary.
    public func checkContent(_ englishContent: [(file: String, entries: [(key: String, text: String)])]) throws(ContentError) {
        let file = "locales/\(code)/content.json"
        for (contentFile, entries) in englishContent {
            let table = content[contentFile] ?? [:]
            for (key, text) in entries {
                guard let translated = table[key] else {
                    throw ContentError(file: file, place: "\(contentFile): \(key)", problem: "missing: English has this text")
                }
                if let term = glossary.breach(english: text, translation: translated) {
                    throw ContentError(file: file, place: "\(contentFile): \(key)", problem: glossaryProblem(term))
                }
            }
            let keys = Set(entries.map(\.key))
            if let extra = table.keys.sorted().first(where: { !keys.contains($0) }) {
                throw ContentError(file: file, place: "\(contentFile): \(extra)", problem: "English has no such text")
            }
        }
    }

    private func glossaryProblem(_ term: Glossary.Term) -> String {
        "the English says \"\(term.concept)\"; Stripe's \(code) docs call it \(term.forms.map { "\"\($0)\"" }.joined(separator: " or ")) (glossary.json)"
    }
}

/// The generated module ConnectGuideText: `LocaleID`, and `UIText` with an accessor per
/// key, grouped by area (`text.tui.quitHint`).
public func stringsSource(english: [StringArea], locales: [LocaleFiles]) -> String {
    var out = ["// Generated from Assets/strings and Assets/locales by content-compiler (Plugins/CompileContent).",
               "// Do not edit: edit the strings files. A missing key or placeholder fails the build.", ""]
    let codes = ["en"] + locales.map(\.code)
    out.append("/// The locales the binary carries: English and each directory of Assets/locales.")
    out.append("public enum LocaleID: String, CaseIterable, Sendable {")
    for code in codes { out.append("    case \(code)") }
    out.append("}")
    out.append("")
    out.append("extension UIText {")
    out.append("    /// The strings of `locale`, built on first use.")
    out.append("    public static func bundled(_ locale: LocaleID) -> UIText {")
    out.append("        switch locale {")
    for code in codes { out.append("        case .\(code): \(code)Table") }
    out.append("        }")
    out.append("    }")
    out.append("")
    out.append("    /// \"a, b and c\" in the locale's words.")
    out.append("    public func list(_ items: [String]) -> String {")
    out.append("        UIText.join(items, pair: common.listPairSeparator, separator: common.listSeparator, final: common.listFinalSeparator)")
    out.append("    }")
    func table(_ code: String, _ areas: [StringArea]) {
        out.append("")
        // Other locales' tables are built when first used, not laid out as static data:
        // data the binary carries is resident at start whether or not a run reads it.
        if code != "en" {
            out.append("    private static let \(code)Table = make\(code.uppercased())Table()")
            out.append("")
            out.append("    @_optimize(none)")
            out.append("    private static func make\(code.uppercased())Table() -> UIText {")
            out.append("        UIText(locale: .\(code), values: [")
        } else {
            out.append("    private static let \(code)Table = UIText(locale: .\(code), values: [")
        }
        for area in english {
            let local = areas.first { $0.name == area.name } ?? area
            for entry in area.entries {
                let translated = local.entry(entry.key) ?? entry
                if entry.isPlural {
                    out.append("        \(literal(translated.form("one") ?? translated.other)), \(literal(translated.other)),")
                } else {
                    out.append("        \(literal(translated.other)),")
                }
            }
        }
        out.append(code == "en" ? "    ])" : "        ])\n    }")
    }
    table("en", english)
    for locale in locales { table(locale.code, locale.areas) }
    var slot = 0
    for area in english {
        let type = areaTypeName(area.name)
        out.append("")
        out.append("    public var \(area.name): \(type) { \(type)(text: self) }")
        out.append("")
        out.append("    /// Assets/strings/\(area.name).json")
        out.append("    public struct \(type): Sendable {")
        out.append("        let text: UIText")
        for entry in area.entries {
            let names = entry.placeholderNames
            let parameters = (entry.isPlural && !names.contains("count") ? ["count"] + names : names)
            let template = entry.isPlural ? "self.text.plural(\(slot), count: count)" : "self.text.values[\(slot)]"
            out.append("        /// \"\(entry.other.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " "))\"")
            if parameters.isEmpty {
                out.append("        public var `\(entry.key)`: String { \(template) }")
            } else {
                let signature = parameters.map { "\($0): \($0 == "count" ? "Int" : "String")" }.joined(separator: ", ")
                let arguments = names.map { "(\(literal($0)), \($0 == "count" ? "String(count)" : $0))" }.joined(separator: ", ")
                out.append("        public func `\(entry.key)`(\(signature)) -> String { UIText.fill(\(template), [\(arguments)]) }")
            }
            slot += entry.isPlural ? 2 : 1
        }
        out.append("    }")
    }
    out.append("}")
    return out.joined(separator: "\n") + "\n"
}

/// `tui` → `TUI`, `documents` → `Documents`.
func areaTypeName(_ area: String) -> String {
    area.count <= 3 ? area.uppercased() : area.prefix(1).uppercased() + area.dropFirst()
}
