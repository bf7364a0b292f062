// How the guide words its facts in every front end and document: labels, moves, legacy
// types, lists and sentences.

import ConnectGuideCore
import ConnectGuideText

extension Guide {
    /// "Dashboard access to None": where a move took a property.
    public func destination(of move: MovedProperty) -> String {
        text.common.moveDestination(property: property(move.property).label, option: optionLabel(move.property, move.to))
    }

    /// "R1: API onboarding means ...": the rule most directly behind a move.
    public func primaryReason(of move: MovedProperty) -> String? {
        move.rules.first.flatMap(rule).map { text.common.ruleReason(rule: $0.id.rawValue, summary: $0.summary) }
    }

    /// "Dashboard access set to None (R1: ...)": one line per implied change, for stderr
    /// (the JSON lists every rule).
    public func describe(_ move: MovedProperty) -> String {
        let (label, option) = (property(move.property).label, optionLabel(move.property, move.to))
        guard let reason = primaryReason(of: move) else { return text.common.moveSet(property: label, option: option) }
        return text.common.moveSetBecause(property: label, option: option, reason: reason)
    }

    public func optionLabel(_ property: PropertyID, _ selection: Selection) -> String {
        optionLabel(property, selection[property])
    }

    public func optionLabel(_ property: PropertyID, _ option: OptionID) -> String {
        self.property(property).option(option)?.label ?? option.rawValue
    }

    /// "Stripe", "Your platform".
    public func requirementCollectionLabel(_ value: RequirementCollection) -> String {
        requirementCollectionLabels[value]
    }

    /// What the user reads when a docs page URL cannot be read as a selection.
    public func message(for error: URLImportError) -> String {
        let separator = text.common.listSeparator
        switch error {
        case .empty:
            return text.common.urlEmpty
        case .foreignHost(let host):
            return text.common.urlForeignHost(host: UntrustedText.quoted(host))
        case .foreignPage(let path):
            return text.common.urlForeignPage(path: UntrustedText.quoted(path))
        case .malformedEncoding(let encoded):
            return text.common.urlMalformedEncoding(text: UntrustedText.quoted(encoded))
        case .notUTF8(let encoded):
            return text.common.urlNotUTF8(text: UntrustedText.quoted(encoded))
        case .unknownValue(let key, let value, let valid):
            return text.common.urlUnknownValue(value: UntrustedText.quoted(value), key: key, valid: valid.joined(separator: separator))
        case .conflictingValues(let key, let values):
            return text.common.urlConflictingValues(key: key, values: values.map(UntrustedText.quoted).joined(separator: separator))
        }
    }

    /// "This combination has the controller settings of the former Standard account type." or
    /// "... is like the former Express account type, except that ...": never "is an Express
    /// account", since accounts created with controller properties are not.
    public func legacyTypeSentence(_ legacy: LegacyType) -> String {
        guard let difference = legacy.difference else { return text.common.legacyTypeSame(name: legacy.name) }
        return text.common.legacyTypeExcept(name: legacy.name, difference: difference)
    }
}

extension VersionRange: CustomStringConvertible {
    /// "all versions", "before 2026-11-18, except preview versions from 2026-06-24".
    public var description: String {
        var parts: [String] = []
        if let from { parts.append("from \(from.date)") }
        if let before { parts.append("before \(before.date)") }
        if parts.isEmpty { return "all versions" }
        var text = parts.joined(separator: ", ")
        if let previewsFrom, before != nil { text += ", except preview versions from \(previewsFrom.date)" }
        return text
    }
}
