import Foundation
import Testing

/// Every user-facing string lives in Assets/ (strings and content), by key: what stays in
/// Swift is identifiers, flag names, file names and code the app writes (Python, shell).
/// This counts the string literals in Sources/ that read as prose and fails above the
/// allowance, listing them.
@Suite("Prose in the sources")
struct ProseLiteralTests {
    /// The literals that stay (400 when this count began, 24 now), each for a reason:
    /// - 11 lines of the Python and shell programs the quickstart writes (`import os`,
    ///   `set -euo pipefail`): code, not prose;
    /// - 4 `precondition` messages in the core, for developers, never shown to a user;
    /// - 5 failures to get a terminal at all (no /dev/tty, no pipe, ncurses refuses TERM),
    ///   said as the system says them, before any guide or locale is at hand;
    /// - 2 in `VersionRange`'s description, the options JSON's machine-read `versions` value;
    /// - 1 header of the README's generated key table (the README is English);
    /// - 1 cut mark of untrusted text ("… (N more characters)"), in the core's sanitizer.
    static let allowance = 24

    /// PROSE_SOURCES counts another tree (an older checkout's Sources/, for a before-and-after).
    static let sources = ProcessInfo.processInfo.environment["PROSE_SOURCES"].map(URL.init(fileURLWithPath:))
        ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// Modules that ship. ContentLoader runs at build time: its messages are for the
    /// people who edit Assets/, in the build log.
    static let buildTimeOnly = ["ContentLoader/"]

    /// The string literals of a Swift file outside comments, with their line numbers.
    /// Interpolations count as part of the literal; multi-line literals are one literal.
    static func literals(in text: String) -> [(line: Int, text: String)] {
        var found: [(line: Int, text: String)] = []
        let characters = Array(text)
        var index = 0
        var line = 1
        func peek(_ offset: Int) -> Character? { index + offset < characters.count ? characters[index + offset] : nil }
        while index < characters.count {
            let character = characters[index]
            if character == "\n" { line += 1; index += 1; continue }
            if character == "/" && peek(1) == "/" {
                while index < characters.count && characters[index] != "\n" { index += 1 }
                continue
            }
            if character == "/" && peek(1) == "*" {
                index += 2
                while index < characters.count && !(characters[index] == "*" && peek(1) == "/") {
                    if characters[index] == "\n" { line += 1 }
                    index += 1
                }
                index += 2
                continue
            }
            if character == "\"" {
                let multiline = peek(1) == "\"" && peek(2) == "\""
                let start = line
                index += multiline ? 3 : 1
                var literal = ""
                var depth = 0
                while index < characters.count {
                    let current = characters[index]
                    if current == "\\" && depth == 0 {
                        if peek(1) == "(" { depth = 1; literal.append("\\("); index += 2; continue }
                        literal.append(current)
                        if let next = peek(1) { literal.append(next) }
                        index += 2
                        continue
                    }
                    if depth > 0 {
                        if current == "(" { depth += 1 } else if current == ")" { depth -= 1 }
                        if current == "\"" {
                            // A literal inside an interpolation: skip it whole.
                            index += 1
                            while index < characters.count && characters[index] != "\"" { index += characters[index] == "\\" ? 2 : 1 }
                        }
                        literal.append(current)
                        index += 1
                        continue
                    }
                    if current == "\n" { line += 1 }
                    if multiline ? (current == "\"" && peek(1) == "\"" && peek(2) == "\"") : current == "\"" {
                        index += multiline ? 3 : 1
                        break
                    }
                    literal.append(current)
                    index += 1
                }
                found.append((start, literal))
                continue
            }
            index += 1
        }
        return found
    }

    /// Prose: two words of letters in a row, the second lowercase ("set it", "Press Enter"
    /// reads as prose by its "Press En..."), outside interpolations.
    static func isProse(_ literal: String) -> Bool {
        var text = ""
        var depth = 0
        var previous: Character?
        for character in literal {
            if previous == "\\" && character == "(" { depth += 1; text.removeLast(); previous = nil; continue }
            if depth > 0 {
                if character == "(" { depth += 1 } else if character == ")" { depth -= 1 }
                previous = character
                continue
            }
            text.append(character)
            previous = character
        }
        let spaced = text.split(separator: " ")
        guard spaced.count >= 2 else { return false }
        for (first, second) in zip(spaced, spaced.dropFirst()) {
            let a = first.trimmingCharacters(in: .punctuationCharacters), b = second.trimmingCharacters(in: .punctuationCharacters)
            if a.count >= 2, b.count >= 2, a.allSatisfy(\.isLetter), b.allSatisfy(\.isLetter), b.first?.isLowercase == true {
                return true
            }
        }
        return false
    }

    static func proseLiterals() throws -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: sources.path) else { return [] }
        var found: [String] = []
        for case let path as String in walker where path.hasSuffix(".swift") && !buildTimeOnly.contains(where: path.hasPrefix) {
            let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
            for literal in literals(in: text) where isProse(literal.text) {
                found.append("\(path):\(literal.line): \"\(literal.text)\"")
            }
        }
        return found.sorted()
    }

    @Test("the scanner finds literals, skips comments and interpolations, and tells prose from code")
    func scanner() {
        let source = #"""
            // "a comment with words"
            let a = "Press Enter when done."
            let b = "--flag"
            /* "block comment text" */
            let c = "\(name) is \("ready now")"
            let d = """
                Two lines of
                prose
                """
            """#
        let literals = Self.literals(in: source)
        // A literal inside an interpolation is skipped, contents and all.
        #expect(literals.map(\.text) == ["Press Enter when done.", "--flag", "\\(name) is \\(\")", "\n    Two lines of\n    prose\n    "])
        #expect(literals.map(\.line) == [2, 3, 5, 6])
        #expect(Self.isProse("Press Enter when done."))
        #expect(Self.isProse("quickstart: set it first"))
        #expect(!Self.isProse("--flag"))
        #expect(!Self.isProse("\\(a) \\(b)"))
        #expect(!Self.isProse("Stripe-Version: 2026-11-18"))
    }

    @Test("prose literals in Sources/ stay within the allowance")
    func withinAllowance() throws {
        let found = try Self.proseLiterals()
        #expect(found.count <= Self.allowance, "\(found.count) prose literals (allowance \(Self.allowance)):\n\(found.joined(separator: "\n"))")
    }
}
