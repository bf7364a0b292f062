import ConnectGuideText
import ConnectGuideCore

/// The options that take a value. Given twice, the argument parser keeps the last value
/// and drops the first without a word; the guide refuses the line instead, as it refuses
/// a conflict inside one URL.
let valueOptions = Set(
    ["--stripe-version"] + propertyFlagNames + ["--preset", "--from-url", "--print", "--format", "--output", "--api", "--lang", "--step"])

/// A usage error for the first option given twice in `arguments`: before `--`, and, for
/// `diff`, after it (each side of a diff may name every selection flag once).
func refuseRepeatedOptions(_ arguments: [String]) throws {
    let separator = arguments.firstIndex(of: "--")
    let before = arguments[..<(separator ?? arguments.endIndex)]
    if let repeated = firstRepeatedOption(before) {
        throw CLIError.usage(repeated)
    }
    if let separator, arguments.first == "diff", let repeated = firstRepeatedOption(arguments[(separator + 1)...]) {
        throw CLIError.usage(cliText.selectionB(message: repeated))
    }
}

/// What is wrong with the first value option repeated in `words`, or nil.
func firstRepeatedOption(_ words: ArraySlice<String>) -> String? {
    var seen: [String: String] = [:]
    var words = words
    while let word = words.popFirst() {
        let name: String
        let value: String?
        if word.hasPrefix("--"), let equals = word.firstIndex(of: "=") {
            name = String(word[..<equals])
            value = String(word[word.index(after: equals)...])
        } else if word == "-o" || word == "--output" {
            name = "--output"
            value = words.popFirst()
        } else if valueOptions.contains(word) {
            name = word
            value = words.popFirst()
        } else {
            continue
        }
        guard valueOptions.contains(name) else { continue }
        let shown = value.map { UntrustedText.quoted($0) } ?? cliText.noValue
        if let first = seen[name] {
            return cliText.givenTwice(flag: name, first: first, second: shown)
        }
        seen[name] = shown
    }
    return nil
}
