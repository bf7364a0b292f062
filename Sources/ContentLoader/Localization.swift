import ConnectGuideJSON

// Build time: the prose of the content files by key, the translations of a locale, and
// the UI strings table with its checks (completeness, placeholders, plural forms, Stripe's
// terms per locale).

/// The prose fields of each content file: what a locale translates. Everything else
/// (ids, URLs, API names and values, conditions) is shared by every locale.
public enum ContentText {
    public static let fields: [(file: String, keys: Set<String>)] = [
        ("guide.json", ["title", "scope", "prerequisites", "label", "shortLabel", "cliHelp", "heading", "intro", "summary", "bestFor", "notes", "recommendation", "text"]),
        ("rules.json", ["change", "stripe", "application", "summary", "reason", "title", "text"]),
        ("steps.json", ["heading", "title", "text", "label"]),
        ("config.json", ["because", "description", "name", "except", "text"]),
        ("links.json", ["title"]),
        ("presets.json", ["label", "fits"]),
        ("quickstart.json", ["comment", "about", "text", "note", "fallbackNote"]),
    ]

    static func keys(of file: String) -> Set<String> { fields.first { $0.file == file }?.keys ?? [] }

    /// Every prose string of a file, by a key that names its place:
    /// `properties[onboarding].options[hosted].label`. A list's items are named by their
    /// `id` where every item has a distinct one, otherwise by position.
    public static func entries(of value: JSONValue, file: String) -> [(key: String, text: String)] {
        var entries: [(key: String, text: String)] = []
        _ = rewrite(value, path: "", keys: keys(of: file)) { key, text in
            entries.append((key, text))
            return text
        }
        return entries
    }

    /// The file with each prose string replaced by `translation(key, english)`.
    public static func translated(_ value: JSONValue, file: String, by translation: (String, String) -> String) -> JSONValue {
        rewrite(value, path: "", keys: keys(of: file), translation)
    }

    private static func rewrite(_ value: JSONValue, path: String, keys: Set<String>, _ visit: (String, String) -> String) -> JSONValue {
        switch value {
        case .object(let members):
            return .object(members.map { key, child in
                let place = path.isEmpty ? key : path + "." + key
                if keys.contains(key) {
                    if case .string(let text) = child { return (key, .string(visit(place, text))) }
                    if case .array(let items) = child, items.allSatisfy({ if case .string = $0 { true } else { false } }) {
                        return (key, .array(items.enumerated().map { index, item in
                            guard case .string(let text) = item else { return item }
                            return .string(visit("\(place)[\(index)]", text))
                        }))
                    }
                }
                return (key, rewrite(child, path: place, keys: keys, visit))
            })
        case .array(let items):
            let ids = items.map { item -> String? in
                guard case .object(let members) = item, case .string(let id)? = members.first(where: { $0.0 == "id" })?.1 else { return nil }
                return id
            }
            let named = !ids.contains(nil) && Set(ids.compactMap { $0 }).count == ids.count
            return .array(items.enumerated().map { index, item in
                rewrite(item, path: "\(path)[\((named ? ids[index] : nil) ?? String(index))]", keys: keys, visit)
            })
        default:
            return value
        }
    }
}

/// The `{name}` placeholders of a string, in order of first use; nil when a brace does not
/// open a well-formed placeholder (a lone `{` or `}` would print as itself in one locale and
/// be eaten in another).
func placeholders(in text: String) -> [String]? {
    var names: [String] = []
    var rest = Substring(text)
    while let brace = rest.firstIndex(where: { $0 == "{" || $0 == "}" }) {
        guard rest[brace] == "{", let close = rest[brace...].firstIndex(of: "}") else { return nil }
        let name = String(rest[rest.index(after: brace)..<close])
        guard isIdentifier(name) else { return nil }
        if !names.contains(name) { names.append(name) }
        rest = rest[rest.index(after: close)...]
    }
    return names
}

func isIdentifier(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
    return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
}
