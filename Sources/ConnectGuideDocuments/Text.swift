import ConnectGuideCore
import ConnectGuideText

extension Guide {
    /// The strings in the guide's own language, so a document never mixes two.
    public var text: UIText { UIText.bundled(code: locale) }

    /// `line` as a sentence: as it is when it already ends like one (in any of the
    /// locales' scripts), otherwise with the locale's full stop ("." or "。"). Every
    /// front end and document ends its lines with this one.
    public func sentence(_ line: String) -> String {
        guard let last = line.last, !".!?。！？".contains(last) else { return line }
        return text.documents.sentence(text: line)
    }

    /// Sentences one after another on a line: a space between them, none in Japanese.
    public func sentences(_ parts: String...) -> String { sentences(parts) }

    public func sentences(_ parts: [String]) -> String {
        guard let last = parts.last else { return "" }
        return parts.dropLast().reversed().reduce(last) { text.common.sentencesInARow(first: $1, next: $0) }
    }

    /// "from 2026-11-18, before …", "all versions": the API versions a rule holds for.
    func versions(_ range: VersionRange) -> String {
        var parts: [String] = []
        if let from = range.from { parts.append(text.documents.versionsFrom(date: "\(from.date)")) }
        if let before = range.before { parts.append(text.documents.versionsBefore(date: "\(before.date)")) }
        guard !parts.isEmpty else { return text.documents.versionsAll }
        let bounds = text.list(parts)
        if let previewsFrom = range.previewsFrom, range.before != nil {
            return text.documents.versionsExceptPreviews(bounds: bounds, date: "\(previewsFrom.date)")
        }
        return bounds
    }
}
