/// What a file's name says it holds, by its extension: the one table that both the
/// commands' `--output FILE` and the guide's export dialog read.
public enum FileKind: Hashable, Sendable {
    case text
    case markdown
    case json
    case shell
    case python

    /// Each extension (lower case) and the kind it names. A list of pairs, not a
    /// dictionary: a run's first dictionary keyed by String costs a search of the
    /// conformance records (about 0.3M instructions), more than the rest of `plan`.
    public static let byExtension: KeyValuePairs<String, FileKind> = [
        "txt": .text, "text": .text, "md": .markdown, "markdown": .markdown, "json": .json, "sh": .shell, "py": .python,
    ]

    /// The kind a file name's extension names ("plan.JSON" is JSON), or nil.
    public init?(fileName: String) {
        guard let fileExtension = Self.fileExtension(of: fileName),
            let kind = Self.byExtension.first(where: { $0.key == fileExtension })?.value
        else { return nil }
        self = kind
    }

    /// The lower-cased extension of a file name ("json" for "dir/plan.JSON"); nil when the
    /// last part of the path has none (or is a dot file).
    public static func fileExtension(of name: String) -> String? {
        let last = name.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return nil }
        let fileExtension = last[last.index(after: dot)...]
        return fileExtension.isEmpty ? nil : fileExtension.lowercased()
    }
}

// The format each command writes for a file of each kind it can write.

extension PlanFormat {
    public init?(fileKind: FileKind) {
        switch fileKind {
        case .text: self = .text
        case .markdown: self = .markdown
        case .json: self = .json
        case .shell, .python: return nil
        }
    }
}

extension OptionsFormat {
    public init?(fileKind: FileKind) {
        switch fileKind {
        case .text: self = .text
        case .json: self = .json
        case .markdown, .shell, .python: return nil
        }
    }
}

extension DiffFormat {
    public init?(fileKind: FileKind) {
        switch fileKind {
        case .text: self = .text
        case .json: self = .json
        case .markdown, .shell, .python: return nil
        }
    }
}

extension ConfigFormat {
    public init?(fileKind: FileKind) {
        switch fileKind {
        case .json: self = .json
        case .shell: self = .curl
        case .text, .markdown, .python: return nil
        }
    }
}

extension QuickstartLanguage {
    public init?(fileKind: FileKind) {
        switch fileKind {
        case .shell: self = .curl
        case .python: self = .python
        case .text, .markdown, .json: return nil
        }
    }
}
