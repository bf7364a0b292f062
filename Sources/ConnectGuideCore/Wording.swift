// How the guide words its facts in every front end: labels, moves, legacy types, and the
// small text helpers they share.

extension Guide {
    /// "Dashboard access to None": where a move took a property.
    public func destination(of move: MovedProperty) -> String {
        "\(property(move.property).label) to \(optionLabel(move.property, move.to))"
    }

    /// "R1: API onboarding needs ...": the rule most directly behind a move.
    public func primaryReason(of move: MovedProperty) -> String? {
        move.rules.first.flatMap(rule).map { "\($0.id): \($0.summary)" }
    }

    /// "Dashboard access set to None (R1: ...)": one line per implied change, for stderr
    /// (the JSON lists every rule).
    public func describe(_ move: MovedProperty) -> String {
        let line = "\(property(move.property).label) set to \(optionLabel(move.property, move.to))"
        return primaryReason(of: move).map { "\(line) (\($0))" } ?? line
    }

    public func optionLabel(_ property: PropertyID, _ selection: Selection) -> String {
        optionLabel(property, selection[property])
    }

    public func optionLabel(_ property: PropertyID, _ option: OptionID) -> String {
        self.property(property).option(option)?.label ?? option.rawValue
    }

    /// "Stripe", "Your platform".
    public func requirementCollectionLabel(_ value: RequirementCollection) -> String {
        requirementCollectionLabels[value] ?? value.rawValue
    }

    /// "This combination has the controller settings of the former Standard account type." or
    /// "... is like the former Express account type, except that ...": never "is an Express
    /// account", since accounts created with controller properties are not.
    public func legacyTypeSentence(_ legacy: LegacyType) -> String {
        guard let difference = legacy.difference else {
            return "These settings are those of the former \(legacy.name) account type."
        }
        return "These settings are like the former \(legacy.name) account type, except that \(difference)."
    }
}


/// "a", "a and b", "a, b and c".
public func listed(_ items: [String]) -> String {
    guard items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " and " + items.last!
}

/// Splits text into lines no wider than `width`, breaking at spaces; a word wider than
/// the line is cut. `displayWidth` measures a character (the terminal front end passes
/// one that counts wide characters as two); printable ASCII always takes one column, so
/// words made of it are measured by their length, which keeps redraws cheap.
public func wrap(_ text: String, width: Int, displayWidth: (Character) -> Int = { _ in 1 }) -> [String] {
    let width = max(width, 1)
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
        var line = ""
        var lineWidth = 0
        for word in paragraph.split(separator: " ") {
            var word = Substring(word)
            var wordWidth = isPrintableASCII(word.utf8) ? word.utf8.count : word.reduce(0) { $0 + displayWidth($1) }
            if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
                line += " " + word
                lineWidth += 1 + wordWidth
                continue
            }
            if lineWidth > 0 { lines.append(line) }
            line = ""
            lineWidth = 0
            while wordWidth > width {
                var piece = ""
                var pieceWidth = 0
                while let character = word.first, pieceWidth + displayWidth(character) <= width || piece.isEmpty {
                    piece.append(character)
                    pieceWidth += displayWidth(character)
                    word = word.dropFirst()
                }
                lines.append(piece)
                wordWidth -= pieceWidth
            }
            line = String(word)
            lineWidth = wordWidth
        }
        lines.append(line)
    }
    return lines
}

/// Printable ASCII (space to tilde): one terminal column per byte.
@inlinable
public func isPrintableASCII(_ bytes: some Collection<UInt8>) -> Bool {
    bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
}

extension String {
    /// The text padded with spaces to `width` characters.
    public func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    /// The text right-aligned in `width` characters.
    public func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

extension String {
    /// The text ending in a full stop, unless it already ends in punctuation.
    public func asSentence() -> String {
        guard let last = last else { return self }
        return ".!?".contains(last) ? self : self + "."
    }
}
